package dev.rollout.activities.rollout;

import io.temporal.activity.Activity;
import io.temporal.activity.ActivityExecutionContext;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Heartbeats while one long SQL statement runs. A statement cannot report progress itself, so a
 * shared timer thread heartbeats for it: the activity's heartbeat timeout (not its 15-minute
 * start-to-close timeout) then bounds how long a crashed worker's activity stays unnoticed.
 */
final class Heartbeats {

  private static final long EVERY_SECONDS = 5;

  private static final ScheduledExecutorService TIMER =
      Executors.newSingleThreadScheduledExecutor(
          runnable -> {
            Thread thread = new Thread(runnable, "activity-heartbeats");
            thread.setDaemon(true);
            return thread;
          });

  private Heartbeats() {}

  static <T> T during(Supplier<T> work) {
    ActivityExecutionContext context = currentActivity();
    if (context == null) {
      return work.get();
    }
    ScheduledFuture<?> beats =
        TIMER.scheduleAtFixedRate(
            () -> beat(context), EVERY_SECONDS, EVERY_SECONDS, TimeUnit.SECONDS);
    try {
      return work.get();
    } finally {
      beats.cancel(false);
    }
  }

  private static void beat(ActivityExecutionContext context) {
    try {
      context.heartbeat(null);
    } catch (RuntimeException e) {
      // cancelled or timed out: the statement's own outcome decides; nothing to do here
    }
  }

  // Called directly (tests, benchmarks) there is no activity to heartbeat for.
  private static ActivityExecutionContext currentActivity() {
    try {
      return Activity.getExecutionContext();
    } catch (IllegalStateException notInAnActivity) {
      return null;
    }
  }
}
