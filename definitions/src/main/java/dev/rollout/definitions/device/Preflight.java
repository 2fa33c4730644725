package dev.rollout.definitions.device;

import static java.util.Objects.requireNonNull;

import dev.rollout.definitions.plan.DailyWindow;
import dev.rollout.definitions.plan.DevicePolicy;

/**
 * The server's side of the plan's device policy at check-in: may this device download a package of
 * this size now? Values the device did not report never hold it back.
 */
public final class Preflight {

  private Preflight() {}

  /** The outcome of the check. */
  public sealed interface Result {
    /** Go ahead; on a metered link with {@code metered: ask} the user approves on the device. */
    record Go(boolean requiresUserApproval) implements Result {}

    record Defer(DeferReason reason) implements Result {
      public Defer {
        requireNonNull(reason, "reason");
      }
    }
  }

  /** {@code auto} (null in the policy) is twice the package size. */
  public static long minFreeStorage(DevicePolicy policy, long packageSize) {
    Long configured = policy.minFreeStorageBytes();
    return configured != null ? configured : Math.multiplyExact(2L, packageSize);
  }

  public static Result check(DevicePolicy policy, CheckInReport report, long packageSize) {
    requireNonNull(policy, "policy");
    requireNonNull(report, "report");
    if (report.batteryPercent() != null && report.batteryPercent() < policy.minBatteryPercent()) {
      return new Result.Defer(DeferReason.LOW_BATTERY);
    }
    if (report.freeStorageBytes() != null
        && report.freeStorageBytes() < minFreeStorage(policy, packageSize)) {
      return new Result.Defer(DeferReason.LOW_STORAGE);
    }
    Double quality = report.network().quality();
    if (quality != null && quality < policy.network().minQuality()) {
      return new Result.Defer(DeferReason.POOR_NETWORK);
    }
    if (!Boolean.TRUE.equals(report.network().metered())) {
      return new Result.Go(false);
    }
    return switch (policy.network().metered()) {
      case ALLOW -> new Result.Go(false);
      case ASK -> new Result.Go(true);
      case OFF_PEAK ->
          insideOffPeak(policy.offPeakWindow(), report)
              ? new Result.Go(false)
              : new Result.Defer(DeferReason.METERED_OUTSIDE_OFF_PEAK);
    };
  }

  // The window is in the device's own local time, which the device reports with its offset; a
  // plan without a window (the parser requires one for offPeak) never opens for metered links.
  private static boolean insideOffPeak(DailyWindow window, CheckInReport report) {
    return window != null && window.contains(report.localTime().toLocalTime());
  }
}
