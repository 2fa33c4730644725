package dev.rollout.agent;

/**
 * What the device measures about itself before a check-in and before each preflight. Null means
 * unknown: the server does not hold a device back for what it does not know, and neither does the
 * agent.
 *
 * @param networkType such as {@code wifi}, {@code cellular}, {@code ethernet}
 * @param networkQuality 0 (unusable) to 1 (perfect)
 */
public record Readings(
    Integer batteryPercent,
    boolean charging,
    Long freeStorageBytes,
    String networkType,
    boolean metered,
    Double networkQuality) {

  public Readings {
    if (batteryPercent != null && (batteryPercent < 0 || batteryPercent > 100)) {
      throw new IllegalArgumentException("batteryPercent must be 0..100, got " + batteryPercent);
    }
    if (freeStorageBytes != null && freeStorageBytes < 0) {
      throw new IllegalArgumentException("freeStorageBytes must not be negative");
    }
    if (networkQuality != null && !(networkQuality >= 0 && networkQuality <= 1)) {
      throw new IllegalArgumentException("networkQuality must be 0..1, got " + networkQuality);
    }
  }

  /** Mains power, plenty of space, a good unmetered link: never held back. */
  public static Readings unlimited() {
    return new Readings(100, true, Long.MAX_VALUE, "ethernet", false, 1.0);
  }
}
