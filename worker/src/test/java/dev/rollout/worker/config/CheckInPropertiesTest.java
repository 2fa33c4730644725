package dev.rollout.worker.config;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class CheckInPropertiesTest {

  @Test
  void refusesAnActiveIntervalLongerThanTheIdleOne() {
    assertThatThrownBy(
            () -> new CheckInProperties(Duration.ofSeconds(60), Duration.ofSeconds(600), 0.1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "rollout.check-in.active (PT10M) must not be longer than rollout.check-in.idle (PT1M)");
  }

  @Test
  void refusesIntervalsUnderASecondOrOverADay() {
    assertThatThrownBy(() -> new CheckInProperties(Duration.ofSeconds(600), Duration.ZERO, 0.1))
        .hasMessage("rollout.check-in.active must be between 1s and 1d, got PT0S");
    assertThatThrownBy(() -> new CheckInProperties(Duration.ofDays(2), Duration.ofSeconds(60), 0.1))
        .hasMessage("rollout.check-in.idle must be between 1s and 1d, got PT48H");
  }
}
