package dev.rollout.activities.device;

import static java.util.Objects.requireNonNull;

import dev.rollout.definitions.device.OfferDecision;
import dev.rollout.definitions.policy.AvailableRelease;
import dev.rollout.definitions.policy.ReleaseCatalog;
import dev.rollout.definitions.policy.VersionPolicy;
import dev.rollout.definitions.version.SemVer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Releases that can be offered, their deltas and the version policy, as read at one moment. */
public final class ReleaseSnapshot {

  private final Map<SemVer, StoredRelease> releases;
  private final Map<List<SemVer>, StoredDelta> deltas;
  private final OfferDecision.Releases offerable;

  ReleaseSnapshot(
      VersionPolicy policy,
      List<AvailableRelease> catalog,
      List<StoredRelease> releases,
      List<StoredDelta> deltas) {
    requireNonNull(policy, "policy");
    this.releases = new HashMap<>();
    Map<SemVer, Long> sizes = new HashMap<>();
    for (StoredRelease release : releases) {
      this.releases.put(release.version(), release);
      sizes.put(release.version(), release.size());
    }
    this.deltas = new HashMap<>();
    for (StoredDelta delta : deltas) {
      this.deltas.put(List.of(delta.to(), delta.from()), delta);
    }
    this.offerable = new OfferDecision.Releases(policy, ReleaseCatalog.of(catalog), sizes);
  }

  public OfferDecision.Releases offerable() {
    return offerable;
  }

  public Optional<StoredRelease> release(SemVer version) {
    return Optional.ofNullable(releases.get(version));
  }

  public Optional<StoredDelta> delta(SemVer to, SemVer from) {
    return Optional.ofNullable(deltas.get(List.of(to, from)));
  }
}
