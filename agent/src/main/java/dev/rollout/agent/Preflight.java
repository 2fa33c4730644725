package dev.rollout.agent;

import dev.rollout.definitions.plan.DailyWindow;
import java.time.LocalTime;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * The device's own check of the offer's policy, before downloading and again before installing. It
 * repeats what the server checked at check-in because the device's state changes in between (the
 * battery drains during a long download; the user unplugs the charger).
 */
final class Preflight {

  static final String LOW_BATTERY = "LOW_BATTERY";
  static final String LOW_STORAGE = "LOW_STORAGE";
  static final String POOR_NETWORK = "POOR_NETWORK";
  static final String METERED_OUTSIDE_OFF_PEAK = "METERED_OUTSIDE_OFF_PEAK";
  static final String METERED_NOT_APPROVED = "METERED_NOT_APPROVED";

  private Preflight() {}

  /** Before downloading: power, space and the network; empty when the device may go ahead. */
  static Optional<String> beforeDownload(
      Offer.Policy policy, Readings readings, LocalTime localTime, BooleanSupplier userApproves) {
    Optional<String> local = beforeInstall(policy, readings);
    if (local.isPresent()) {
      return local;
    }
    if (below(readings.networkQuality(), policy.minNetworkQuality())) {
      return Optional.of(POOR_NETWORK);
    }
    return metered(policy, readings, localTime, userApproves);
  }

  /** Before installing: the network no longer matters, power and space still do. */
  static Optional<String> beforeInstall(Offer.Policy policy, Readings readings) {
    if (readings.batteryPercent() != null
        && policy.minBatteryPercent() != null
        && readings.batteryPercent() < policy.minBatteryPercent()) {
      return Optional.of(LOW_BATTERY);
    }
    if (readings.freeStorageBytes() != null
        && policy.minFreeStorageBytes() != null
        && readings.freeStorageBytes() < policy.minFreeStorageBytes()) {
      return Optional.of(LOW_STORAGE);
    }
    return Optional.empty();
  }

  private static Optional<String> metered(
      Offer.Policy policy, Readings readings, LocalTime localTime, BooleanSupplier userApproves) {
    boolean ask = policy.requiresUserApproval() || "ask".equals(policy.metered());
    if (!readings.metered() && !policy.requiresUserApproval()) {
      return Optional.empty();
    }
    if (ask) {
      return userApproves.getAsBoolean() ? Optional.empty() : Optional.of(METERED_NOT_APPROVED);
    }
    if ("offPeak".equals(policy.metered()) && !inWindow(policy.offPeakWindow(), localTime)) {
      return Optional.of(METERED_OUTSIDE_OFF_PEAK);
    }
    return Optional.empty();
  }

  // An off-peak rule without a readable window allows no time at all: fail closed.
  private static boolean inWindow(String window, LocalTime localTime) {
    try {
      return window != null && DailyWindow.parse(window).contains(localTime);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static boolean below(Double value, Double min) {
    return value != null && min != null && value < min;
  }
}
