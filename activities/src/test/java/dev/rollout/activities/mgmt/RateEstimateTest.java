package dev.rollout.activities.mgmt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rollout.definitions.plan.Rate;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RateEstimateTest {

  @Test
  void anUnlimitedRateOffersAtOnce() {
    assertThat(RateEstimate.assignFor(Rate.UNLIMITED, 0, 1_000_000)).isZero();
  }

  @Test
  void aFlatRateTakesCeilOfDevicesOverRate() {
    assertThat(RateEstimate.assignFor(new Rate(500, null), 0, 1001))
        .isEqualTo(Duration.ofMinutes(3));
  }

  @Test
  void aRampStartsSlowAndSpeedsUpUpToTheCap() {
    // 50/min for the first 100 devices (2 min), then 100/min for the next 100 (1 min), then the
    // cap of 150/min for the last 150 (1 min)
    Rate ramped = new Rate(150, new Rate.Ramp(50, 2, 100));

    assertThat(RateEstimate.assignFor(ramped, 0, 350)).isEqualTo(Duration.ofMinutes(4));
  }

  @Test
  void theRampContinuesFromDevicesAssignedInEarlierPhases() {
    Rate ramped = new Rate(150, new Rate.Ramp(50, 2, 100));

    assertThat(RateEstimate.assignFor(ramped, 200, 150)).isEqualTo(Duration.ofMinutes(1));
  }
}
