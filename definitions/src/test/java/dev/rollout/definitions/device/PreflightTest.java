package dev.rollout.definitions.device;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rollout.definitions.device.CheckInReport.NetworkReport;
import dev.rollout.definitions.plan.DailyWindow;
import dev.rollout.definitions.plan.DevicePolicy;
import dev.rollout.definitions.plan.NetworkPolicy;
import dev.rollout.definitions.plan.NetworkPolicy.Metered;
import dev.rollout.definitions.version.SemVer;
import java.time.Duration;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

class PreflightTest {

  static DevicePolicy policy(int battery, Long storage, double quality, Metered metered) {
    return new DevicePolicy(
        battery,
        storage,
        new NetworkPolicy(quality, metered),
        DailyWindow.parse("01:00-05:00"),
        Duration.ofHours(2),
        3);
  }

  static CheckInReport report(Integer battery, Long storage, Boolean metered, String localTime) {
    return new CheckInReport(
        SemVer.parse("2.3.0"),
        "th-100",
        battery,
        false,
        storage,
        new NetworkReport("cellular", metered, 0.8),
        OffsetDateTime.parse(localTime));
  }

  @Test
  void defersLowBattery() {
    assertThat(
            Preflight.check(
                policy(30, null, 0, Metered.ALLOW),
                report(29, null, false, "2026-11-28T12:00:00+01:00"),
                1000))
        .isEqualTo(new Preflight.Result.Defer(DeferReason.LOW_BATTERY));
  }

  @Test
  void autoStorageIsTwicePackageSize() {
    DevicePolicy auto = policy(0, null, 0, Metered.ALLOW);
    assertThat(Preflight.check(auto, report(90, 1999L, false, "2026-11-28T12:00:00Z"), 1000))
        .isEqualTo(new Preflight.Result.Defer(DeferReason.LOW_STORAGE));
    assertThat(Preflight.check(auto, report(90, 2000L, false, "2026-11-28T12:00:00Z"), 1000))
        .isEqualTo(new Preflight.Result.Go(false));
  }

  @Test
  void defersPoorNetwork() {
    assertThat(
            Preflight.check(
                policy(0, null, 0.9, Metered.ALLOW),
                report(90, null, false, "2026-11-28T12:00:00Z"),
                1))
        .isEqualTo(new Preflight.Result.Defer(DeferReason.POOR_NETWORK));
  }

  @Test
  void meteredOffPeakUsesTheDevicesLocalTime() {
    DevicePolicy offPeak = policy(0, null, 0, Metered.OFF_PEAK);
    // 03:12 local (+01:00) is inside 01:00-05:00 although it is 02:12 UTC... and 10:00 local not
    assertThat(Preflight.check(offPeak, report(90, null, true, "2026-11-28T03:12:00+01:00"), 1))
        .isEqualTo(new Preflight.Result.Go(false));
    assertThat(Preflight.check(offPeak, report(90, null, true, "2026-11-28T05:30:00+09:00"), 1))
        .isEqualTo(new Preflight.Result.Defer(DeferReason.METERED_OUTSIDE_OFF_PEAK));
    assertThat(Preflight.check(offPeak, report(90, null, false, "2026-11-28T12:00:00Z"), 1))
        .isEqualTo(new Preflight.Result.Go(false));
  }

  @Test
  void meteredAskRequiresUserApproval() {
    assertThat(
            Preflight.check(
                policy(0, null, 0, Metered.ASK), report(90, null, true, "2026-11-28T12:00:00Z"), 1))
        .isEqualTo(new Preflight.Result.Go(true));
  }

  @Test
  void unreportedValuesNeverHoldBack() {
    CheckInReport unknown =
        new CheckInReport(
            SemVer.parse("2.3.0"),
            "th-100",
            null,
            null,
            null,
            NetworkReport.UNKNOWN,
            OffsetDateTime.parse("2026-11-28T12:00:00Z"));
    assertThat(Preflight.check(policy(50, 10L, 0.9, Metered.OFF_PEAK), unknown, 1))
        .isEqualTo(new Preflight.Result.Go(false));
  }
}
