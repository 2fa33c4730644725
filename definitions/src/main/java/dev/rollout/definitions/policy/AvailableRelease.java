package dev.rollout.definitions.policy;

import static java.util.Objects.requireNonNull;

import dev.rollout.definitions.release.ReleaseManifest;
import dev.rollout.definitions.version.SemVer;
import java.util.Set;
import java.util.TreeSet;

/** What offering a release needs to know about it; the rest of its manifest does not matter. */
public record AvailableRelease(
    SemVer version, Set<String> hardwareModels, int minServerApi, boolean criticalMigration) {

  public AvailableRelease {
    requireNonNull(version, "version");
    hardwareModels = Set.copyOf(new TreeSet<>(requireNonNull(hardwareModels, "hardwareModels")));
    if (hardwareModels.isEmpty()) {
      throw new IllegalArgumentException("release " + version + " names no hardware model");
    }
    if (minServerApi < 1) {
      throw new IllegalArgumentException("minServerApi must be at least 1, got " + minServerApi);
    }
  }

  public static AvailableRelease of(ReleaseManifest manifest) {
    return new AvailableRelease(
        manifest.version(),
        Set.copyOf(manifest.hardwareModels()),
        manifest.minServerApi(),
        manifest.criticalMigration());
  }

  public boolean supports(String hardwareModel) {
    return hardwareModels.contains(hardwareModel);
  }
}
