package dev.rollout.definitions.gate;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Duration;

/**
 * Device outcomes over a set of assignments (a phase, or the whole rollout), as measured by an
 * activity.
 *
 * @param unhealthy succeeded devices whose latest health report after the update is bad
 * @param supportTickets support tickets opened by these devices since they were assigned
 * @param downloadP90 90th percentile of download time; null when no download finished
 */
public record PhaseCounts(
    long assigned,
    long pending,
    long deferred,
    long inProgress,
    long succeeded,
    long failed,
    long timedOut,
    long quarantined,
    long cancelled,
    long rolledBack,
    long missed,
    long unhealthy,
    long supportTickets,
    Duration downloadP90) {

  public static final PhaseCounts NONE =
      new PhaseCounts(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, null);

  /**
   * Devices with a final update outcome: succeeded, failed or timed out (quarantined ones failed
   * first).
   */
  @JsonIgnore
  public long completed() {
    return succeeded + failed + timedOut + quarantined;
  }

  /** Failed, timed out or quarantined. */
  @JsonIgnore
  public long failures() {
    return failed + timedOut + quarantined;
  }
}
