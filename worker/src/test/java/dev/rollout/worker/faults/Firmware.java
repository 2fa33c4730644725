package dev.rollout.worker.faults;

import dev.rollout.worker.demo.SignedFirmware;
import java.util.List;

/**
 * The product line of the fault tests: what their simulated devices download, verify and install.
 * Small images (16 KiB) whose later versions differ from the base in a few places.
 */
final class Firmware {

  static final String PRODUCT = "thermostat";
  static final List<String> MODELS = List.of("th-100", "th-200");

  private Firmware() {}

  /** The line with a fresh key; later versions have deltas from {@code base}. */
  static SignedFirmware withBase(String base) {
    return new SignedFirmware(PRODUCT, MODELS, base, new SignedFirmware.Images(16 * 1024, 7, 20));
  }
}
