package dev.rollout.worker.config;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * When devices check in again: the {@code nextCheckInSeconds} of the check-in answer
 * (docs/device-api.md).
 *
 * @param idle with nothing to do
 * @param active while the device has something in flight: an update or rollback offer (also an
 *     install in progress, which is offered again), a cancellation, a deferral whose condition may
 *     clear (battery, storage, network, off-peak window)
 * @param jitter each device waits its own fixed share of these, within ± this fraction (from a hash
 *     of its id), so that a fleet which checked in together (after an outage, say) drifts apart
 */
@Validated
@ConfigurationProperties("rollout.check-in")
public record CheckInProperties(
    @NotNull @DefaultValue("600s") Duration idle,
    @NotNull @DefaultValue("60s") Duration active,
    @DecimalMin("0") @DecimalMax("0.5") @DefaultValue("0.1") double jitter) {

  private static final Duration LONGEST = Duration.ofDays(1);

  public CheckInProperties {
    if (idle != null && active != null) {
      requireWithin(active, "active");
      requireWithin(idle, "idle");
      if (active.compareTo(idle) > 0) {
        throw new IllegalArgumentException(
            "rollout.check-in.active ("
                + active
                + ") must not be longer than rollout.check-in.idle ("
                + idle
                + ")");
      }
    }
  }

  private static void requireWithin(Duration interval, String name) {
    if (interval.compareTo(Duration.ofSeconds(1)) < 0 || interval.compareTo(LONGEST) > 0) {
      throw new IllegalArgumentException(
          "rollout.check-in." + name + " must be between 1s and 1d, got " + interval);
    }
  }
}
