package dev.rollout.agent;

import static java.util.Objects.requireNonNull;

import dev.rollout.definitions.version.SemVer;

/**
 * What one A/B slot holds.
 *
 * @param sha256 of the image, or null when the device does not know it (a factory image whose bytes
 *     the simulator never saw)
 */
public record SlotImage(SemVer version, String sha256) {
  public SlotImage {
    requireNonNull(version, "version");
  }
}
