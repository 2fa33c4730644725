package dev.rollout.activities.device;

import static java.util.Objects.requireNonNull;

import dev.rollout.definitions.version.SemVer;

/**
 * A registered release as devices are offered it.
 *
 * @param manifest the signed manifest JSON exactly as registered
 * @param location the artifact's path relative to the artifacts root
 */
public record StoredRelease(
    SemVer version, String product, long size, String sha256, String location, String manifest) {

  public StoredRelease {
    requireNonNull(version, "version");
    requireNonNull(sha256, "sha256");
    requireNonNull(location, "location");
    requireNonNull(manifest, "manifest");
  }
}
