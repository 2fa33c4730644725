package dev.rollout.worker.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

class CheckInPropertiesTest {

  @Test
  void defaultsToTenMinutesIdleOneMinuteActiveAndTenPercentJitter() {
    assertThat(bind(Map.of()))
        .isEqualTo(new CheckInProperties(Duration.ofMinutes(10), Duration.ofMinutes(1), 0.1));
  }

  @Test
  void bindsTheEnvironmentVariablesOfTheReadme() {
    assertThat(
            bind(
                Map.of(
                    "ROLLOUT_CHECKIN_IDLE", "15m",
                    "ROLLOUT_CHECKIN_ACTIVE", "30s",
                    "ROLLOUT_CHECKIN_JITTER", "0.2")))
        .isEqualTo(new CheckInProperties(Duration.ofMinutes(15), Duration.ofSeconds(30), 0.2));
  }

  private static CheckInProperties bind(Map<String, Object> environment) {
    SystemEnvironmentPropertySource source =
        new SystemEnvironmentPropertySource(
            StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, environment);
    return new Binder(ConfigurationPropertySources.from(source))
        .bindOrCreate("rollout.check-in", CheckInProperties.class);
  }

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
