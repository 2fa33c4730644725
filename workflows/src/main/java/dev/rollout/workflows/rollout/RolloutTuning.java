package dev.rollout.workflows.rollout;

import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import java.time.Duration;

/**
 * The workflow's knobs that are not part of a plan. Like code, they must be the same on every
 * worker of a task queue: they shape the history.
 *
 * @param measureEvery bounds of the interval between gate measurements during a soak (soak / 6,
 *     clamped)
 * @param maxWavesPerPhase waves grow (and come less often) so a phase never takes more waves than
 *     this
 * @param rollbackPollEvery how often rollback progress is checked
 * @param auditSize the audit trail keeps this many most recent entries
 * @param historyEventLimit continue as new past this many events, even if the server does not
 *     suggest it
 */
public record RolloutTuning(
    Duration minMeasureEvery,
    Duration maxMeasureEvery,
    int maxWavesPerPhase,
    Duration rollbackPollEvery,
    int auditSize,
    long historyEventLimit,
    Duration shortActivityTimeout,
    Duration longActivityTimeout,
    RetryOptions retry) {

  static final Duration LONG_ACTIVITY_HEARTBEAT = Duration.ofSeconds(30);

  public static final RolloutTuning DEFAULT =
      new RolloutTuning(
          Duration.ofSeconds(30),
          Duration.ofHours(1),
          20,
          Duration.ofMinutes(1),
          50,
          10_000,
          Duration.ofMinutes(1),
          Duration.ofMinutes(15),
          // store activities are idempotent: retry through a database outage rather than fail a
          // rollout
          RetryOptions.newBuilder()
              .setInitialInterval(Duration.ofSeconds(1))
              .setBackoffCoefficient(2)
              .setMaximumInterval(Duration.ofMinutes(1))
              .setDoNotRetry(RolloutFailures.PERMANENT_TYPES.toArray(String[]::new))
              .build());

  public RolloutTuning withHistoryEventLimit(long limit) {
    return new RolloutTuning(
        minMeasureEvery,
        maxMeasureEvery,
        maxWavesPerPhase,
        rollbackPollEvery,
        auditSize,
        limit,
        shortActivityTimeout,
        longActivityTimeout,
        retry);
  }

  ActivityOptions shortActivities() {
    return ActivityOptions.newBuilder()
        .setStartToCloseTimeout(shortActivityTimeout)
        .setRetryOptions(retry)
        .build();
  }

  // The long activities heartbeat while their statement runs: a crashed worker's activity is
  // retried after the heartbeat timeout instead of the whole start-to-close timeout.
  ActivityOptions longActivities() {
    return ActivityOptions.newBuilder()
        .setStartToCloseTimeout(longActivityTimeout)
        .setHeartbeatTimeout(LONG_ACTIVITY_HEARTBEAT)
        .setRetryOptions(retry)
        .build();
  }

  Duration measureEvery(Duration soak) {
    Duration sixth = soak.dividedBy(6);
    if (sixth.compareTo(minMeasureEvery) < 0) {
      return minMeasureEvery;
    }
    return sixth.compareTo(maxMeasureEvery) > 0 ? maxMeasureEvery : sixth;
  }
}
