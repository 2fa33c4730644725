package dev.rollout.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalTime;
import org.junit.jupiter.api.Test;

class PreflightTest {

  private static final Offer.Policy POLICY =
      new Offer.Policy(30, 1_000L, 0.5, "offPeak", "23:00-05:00", false);
  private static final LocalTime NOON = LocalTime.NOON;

  private static Readings readings(Integer battery, Long storage, boolean metered, Double quality) {
    return new Readings(battery, false, storage, metered ? "cellular" : "wifi", metered, quality);
  }

  @Test
  void holdsBackForEachLimitInOrder() {
    assertThat(Preflight.beforeDownload(POLICY, readings(29, 0L, true, 0.1), NOON, () -> true))
        .hasValue("LOW_BATTERY");
    assertThat(Preflight.beforeDownload(POLICY, readings(30, 999L, true, 0.1), NOON, () -> true))
        .hasValue("LOW_STORAGE");
    assertThat(Preflight.beforeDownload(POLICY, readings(30, 1_000L, true, 0.4), NOON, () -> true))
        .hasValue("POOR_NETWORK");
    assertThat(Preflight.beforeDownload(POLICY, readings(30, 1_000L, true, 0.5), NOON, () -> true))
        .hasValue("METERED_OUTSIDE_OFF_PEAK");
    assertThat(Preflight.beforeDownload(POLICY, readings(30, 1_000L, false, 0.5), NOON, () -> true))
        .isEmpty();
  }

  @Test
  void offPeakWindowWrapsMidnight() {
    Readings metered = readings(90, 1_000L, true, 0.9);
    assertThat(Preflight.beforeDownload(POLICY, metered, LocalTime.of(23, 30), () -> false))
        .isEmpty();
    assertThat(Preflight.beforeDownload(POLICY, metered, LocalTime.of(4, 59), () -> false))
        .isEmpty();
    assertThat(Preflight.beforeDownload(POLICY, metered, LocalTime.of(5, 0), () -> false))
        .hasValue("METERED_OUTSIDE_OFF_PEAK");
  }

  @Test
  void unknownReadingsHoldNothingBack() {
    assertThat(
            Preflight.beforeDownload(POLICY, readings(null, null, false, null), NOON, () -> false))
        .isEmpty();
  }

  @Test
  void askingTheUserDecidesAMeteredDownload() {
    Offer.Policy ask = new Offer.Policy(null, null, null, "ask", null, true);
    Readings metered = readings(90, 1_000L, true, 0.9);
    assertThat(Preflight.beforeDownload(ask, metered, NOON, () -> false))
        .hasValue("METERED_NOT_APPROVED");
    assertThat(Preflight.beforeDownload(ask, metered, NOON, () -> true)).isEmpty();
  }

  @Test
  void beforeInstallOnlyPowerAndSpaceCount() {
    assertThat(Preflight.beforeInstall(POLICY, readings(50, 5_000L, true, 0.0))).isEmpty();
    assertThat(Preflight.beforeInstall(POLICY, readings(10, 5_000L, false, 1.0)))
        .hasValue("LOW_BATTERY");
  }
}
