package dev.rollout.definitions.policy;

import static java.util.Objects.requireNonNull;

import dev.rollout.definitions.plan.Problem;
import dev.rollout.definitions.version.SemVer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Whether a rollout of a release may start under the version policy (DESIGN.md §5). */
public final class ReleaseCheck {

  static final String PATH = "release";

  private ReleaseCheck() {}

  /** Every problem found, in a fixed order; empty when the rollout may start. */
  public static List<Problem> check(VersionPolicy policy, ReleaseCatalog catalog, SemVer release) {
    requireNonNull(policy, "policy");
    requireNonNull(catalog, "catalog");
    requireNonNull(release, "release");
    List<Problem> problems = new ArrayList<>();
    Optional<AvailableRelease> found = catalog.find(release);
    if (found.isEmpty()) {
      problems.add(
          new Problem(PATH, "UNKNOWN_RELEASE", "release " + release + " is not registered"));
    } else if (found.get().minServerApi() > policy.serverApiVersion()) {
      problems.add(
          new Problem(
              PATH,
              "SERVER_API_TOO_OLD",
              "release "
                  + release
                  + " needs server API "
                  + found.get().minServerApi()
                  + ", this server runs "
                  + policy.serverApiVersion()));
    }
    if (release.compareTo(policy.minSupportedVersion()) < 0) {
      problems.add(
          new Problem(
              PATH,
              "BELOW_MINIMUM_SUPPORTED",
              "release "
                  + release
                  + " is below the minimum supported version "
                  + policy.minSupportedVersion()));
    }
    return List.copyOf(problems);
  }
}
