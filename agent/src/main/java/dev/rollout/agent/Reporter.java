package dev.rollout.agent;

import java.time.Duration;
import java.time.temporal.ChronoUnit;

/**
 * Makes the events of one job (an update or a rollback) and queues them. A rollback reports only
 * its end ({@code ROLLED_BACK} or {@code ROLLBACK_FAILED}): the progress events belong to updates,
 * and the server would refuse them as out of order.
 */
final class Reporter {

  private final AgentContext ctx;
  private final String rolloutId;
  private final boolean rollback;

  Reporter(AgentContext ctx, String rolloutId, boolean rollback) {
    this.ctx = ctx;
    this.rolloutId = rolloutId == null ? "unknown" : rolloutId;
    this.rollback = rollback;
  }

  void downloadStarted(String version, boolean delta) {
    progress(EventType.DOWNLOAD_STARTED, version, delta, null, null);
  }

  void downloadFinished(Duration took) {
    progress(EventType.DOWNLOAD_FINISHED, null, null, took.toMillis(), null);
  }

  void verified() {
    progress(EventType.VERIFIED, null, null, null, null);
  }

  void installed(Duration took) {
    progress(EventType.INSTALLED, null, null, took.toMillis(), null);
  }

  void rebooted(String version) {
    progress(EventType.REBOOTED, version, null, null, null);
  }

  void health(String version, boolean healthy) {
    progress(EventType.HEALTH, version, null, null, healthy);
    ctx.listener().switched(version, false);
    if (!healthy) {
      ctx.noteError("HEALTH_CHECK_FAILED");
    }
  }

  void rolledBack(String version) {
    add(EventType.ROLLED_BACK, version, null, null, null, null, null, null);
    ctx.listener().switched(version, true);
  }

  void failed(String code, String detail) {
    EventType type = rollback ? EventType.ROLLBACK_FAILED : EventType.FAILED;
    add(type, null, null, null, null, code, detail, null);
    ctx.noteError(code);
    ctx.listener().failed(code);
  }

  void deferred(String reason) {
    ctx.listener().deferred(reason);
    if (!rollback) {
      add(EventType.DEFERRED, null, null, null, null, null, null, reason);
    }
  }

  /** Not a failure by itself: the agent goes on with the full image. */
  void deltaFailed(String version) {
    ctx.noteError("DELTA_FAILED");
    ctx.listener().failed("DELTA_FAILED");
    downloadStarted(version, false);
  }

  private void progress(
      EventType type, String version, Boolean delta, Long durationMs, Boolean healthy) {
    if (!rollback) {
      add(type, version, delta, durationMs, healthy, null, null, null);
    }
  }

  private void add(
      EventType type,
      String version,
      Boolean delta,
      Long durationMs,
      Boolean healthy,
      String errorCode,
      String detail,
      String reason) {
    String at = ctx.clock().now().truncatedTo(ChronoUnit.MILLIS).toString();
    ctx.outbox()
        .add(
            new Event(
                ctx.nextEventId(),
                rolloutId,
                type,
                at,
                version,
                delta,
                durationMs,
                healthy,
                errorCode,
                detail,
                reason));
  }
}
