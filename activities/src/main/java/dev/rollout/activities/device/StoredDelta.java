package dev.rollout.activities.device;

import static java.util.Objects.requireNonNull;

import dev.rollout.definitions.version.SemVer;

/**
 * A binary delta between two releases.
 *
 * @param location the delta file's path relative to the artifacts root
 */
public record StoredDelta(SemVer to, SemVer from, long size, String sha256, String location) {

  public StoredDelta {
    requireNonNull(to, "to");
    requireNonNull(from, "from");
    requireNonNull(sha256, "sha256");
    requireNonNull(location, "location");
  }
}
