package dev.rollout.worker.demo;

import java.util.List;

/**
 * The demo's product line and its three releases: 2.4.x differ from the installed 2.3.0 in a few
 * places of a 64 KiB image, so their deltas from 2.3.0 are small.
 */
final class DemoReleases {

  static final String PRODUCT = "thermostat";
  static final List<String> MODELS = List.of("th-100", "th-200", "th-300");
  static final String INSTALLED = "2.3.0";
  static final String GOOD = "2.4.0";
  static final String BAD = "2.4.1";

  private DemoReleases() {}

  /** The line with a fresh key. */
  static SignedFirmware firmware() {
    return new SignedFirmware(
        PRODUCT, MODELS, INSTALLED, new SignedFirmware.Images(64 * 1024, 42, 40));
  }
}
