package dev.rollout.definitions.device;

import static java.util.Objects.requireNonNull;

import dev.rollout.definitions.version.SemVer;
import java.time.OffsetDateTime;

/**
 * What a device reports at check-in (docs/device-api.md). Optional values are null when the device
 * did not say: the server then does not hold the device back for them.
 *
 * @param localTime the device's wall clock with its UTC offset: off-peak windows are device-local
 */
public record CheckInReport(
    SemVer version,
    String hardwareModel,
    Integer batteryPercent,
    Boolean charging,
    Long freeStorageBytes,
    NetworkReport network,
    OffsetDateTime localTime) {

  public CheckInReport {
    requireNonNull(version, "version");
    requireNonNull(hardwareModel, "hardwareModel");
    requireNonNull(localTime, "localTime");
    if (batteryPercent != null && (batteryPercent < 0 || batteryPercent > 100)) {
      throw new IllegalArgumentException("batteryPercent must be 0..100, got " + batteryPercent);
    }
    if (freeStorageBytes != null && freeStorageBytes < 0) {
      throw new IllegalArgumentException("freeStorageBytes must not be negative");
    }
  }

  /** The device's offset from UTC in minutes, as stored in {@code devices.utc_offset_minutes}. */
  public int utcOffsetMinutes() {
    return localTime.getOffset().getTotalSeconds() / 60;
  }

  /**
   * @param type such as {@code wifi}, {@code cellular}; null when not reported
   * @param metered null when not reported
   * @param quality 0..1; null when not reported
   */
  public record NetworkReport(String type, Boolean metered, Double quality) {

    public static final NetworkReport UNKNOWN = new NetworkReport(null, null, null);

    public NetworkReport {
      if (quality != null && !(quality >= 0 && quality <= 1)) {
        throw new IllegalArgumentException("quality must be 0..1, got " + quality);
      }
    }
  }
}
