package dev.rollout.agent;

import dev.rollout.definitions.version.SemVer;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/**
 * The device under the agent: its sensors, its user, its installer, bootloader and health check. On
 * real hardware this is the board support glue; the simulator implements it with seeded randomness.
 * The defaults describe a device with nothing to hold it back.
 */
public interface Platform {

  Readings readings(Instant now);

  /** The device's time zone: off-peak windows are device-local. */
  ZoneId zone();

  /** Whether the device has a network at all right now. */
  default boolean online() {
    return true;
  }

  /** Asks the user whether to download {@code version} over a metered link. */
  default boolean userApprovesMeteredDownload(String version) {
    return false;
  }

  /**
   * Writes the verified image into the inactive slot's partition; false when the installer fails.
   */
  default boolean install(SemVer version) {
    return true;
  }

  /** Reboots into the newly active slot; false when it does not come up (a boot loop). */
  default boolean boots(SemVer version) {
    return true;
  }

  /** The post-update health check, run after a successful boot. */
  default boolean healthy(SemVer version) {
    return true;
  }

  /** Time a download takes beyond the transfer itself (the simulator's slow links). */
  default Duration downloadTime(long bytes) {
    return Duration.ZERO;
  }

  default Duration installTime(SemVer version) {
    return Duration.ZERO;
  }

  default Duration rebootTime() {
    return Duration.ZERO;
  }
}
