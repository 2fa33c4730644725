package dev.rollout.definitions.device;

import static java.util.Objects.requireNonNull;

import dev.rollout.definitions.device.AssignmentState.Draft;
import dev.rollout.definitions.version.SemVer;
import java.util.EnumSet;
import java.util.Set;

/**
 * The event transitions of docs/device-api.md: which assignment state an event applies to and what
 * it becomes. Pure; the store locks the row, applies a batch's events in order and writes the
 * result once.
 */
public final class Transitions {

  /** Error code of a FAILED event that is not a failure: the agent falls back to the full image. */
  public static final String DELTA_FAILED = "DELTA_FAILED";

  public static final String SILENT_FALLBACK = "SILENT_FALLBACK";
  public static final String HEALTH_CHECK_FAILED = "HEALTH_CHECK_FAILED";

  private static final Set<Outcome> WAITING = EnumSet.of(Outcome.PENDING, Outcome.DEFERRED);
  private static final Set<Outcome> RETRYABLE = EnumSet.of(Outcome.FAILED, Outcome.TIMED_OUT);
  private static final Set<Outcome> OPEN =
      EnumSet.of(Outcome.PENDING, Outcome.DEFERRED, Outcome.IN_PROGRESS);

  private Transitions() {}

  /** Whether an event applied, and the state after it. */
  public sealed interface Step {
    record Applied(AssignmentState next) implements Step {
      public Applied {
        requireNonNull(next, "next");
      }
    }

    record OutOfOrder(String message) implements Step {
      public OutOfOrder {
        requireNonNull(message, "message");
      }
    }
  }

  public static Step apply(AssignmentState state, DeviceEvent event, int maxAttempts) {
    requireNonNull(state, "state");
    if (state.rollbackState() == RollbackState.OFFERED
        && isRollbackProgress(event)
        && !finishesTheUpdate(state, event)) {
      // a device installing its rollback reports the same steps as for an update; only
      // ROLLED_BACK and ROLLBACK_FAILED change the assignment
      return new Step.Applied(state);
    }
    // Java 17 has no patterns in switch: the type enum is the exhaustive switch, each type
    // belongs to exactly one record
    return switch (event.type()) {
      case DOWNLOAD_STARTED ->
          downloadStarted(state, (DeviceEvent.DownloadStarted) event, maxAttempts);
      case DOWNLOAD_FINISHED ->
          inProgress(
              state,
              event,
              d -> d.downloadMs = ((DeviceEvent.DownloadFinished) event).durationMs());
      case VERIFIED -> inProgress(state, event, d -> {});
      case INSTALLED ->
          inProgress(state, event, d -> d.installMs = ((DeviceEvent.Installed) event).durationMs());
      case REBOOTED ->
          inProgress(state, event, d -> rebooted(d, ((DeviceEvent.Rebooted) event).version()));
      case HEALTH -> health(state, (DeviceEvent.Health) event);
      case FAILED -> failed(state, (DeviceEvent.Failed) event);
      case DEFERRED ->
          open(state, event, d -> deferred(d, ((DeviceEvent.Deferred) event).reason()));
      case ROLLED_BACK -> rolledBack(state, (DeviceEvent.RolledBack) event);
      case ROLLBACK_FAILED -> rollbackFailed(state, (DeviceEvent.RollbackFailed) event);
    };
  }

  private static Step rollbackFailed(AssignmentState state, DeviceEvent.RollbackFailed e) {
    return rollback(
        state,
        e,
        d -> {
          d.rollbackState = RollbackState.FAILED;
          d.errorCode = e.errorCode();
          d.errorDetail = e.detail();
        });
  }

  /**
   * A device that was installing the update when the rollback was offered finishes it before it
   * hears of the rollback: its download and reboot into the update's version still count (else its
   * HEALTH, refused, takes the whole batch down), and the rollback follows at its next check-in.
   */
  private static boolean finishesTheUpdate(AssignmentState state, DeviceEvent event) {
    if (state.outcome() != Outcome.IN_PROGRESS) {
      return false;
    }
    SemVer updating = state.installing() != null ? state.installing() : state.targetVersion();
    if (event instanceof DeviceEvent.DownloadStarted started) {
      return started.version().equals(updating);
    }
    if (event instanceof DeviceEvent.Rebooted rebooted) {
      return rebooted.version().equals(updating);
    }
    return false;
  }

  private static boolean isRollbackProgress(DeviceEvent event) {
    return event instanceof DeviceEvent.DownloadStarted
        || event instanceof DeviceEvent.DownloadFinished
        || event instanceof DeviceEvent.Verified
        || event instanceof DeviceEvent.Installed
        || event instanceof DeviceEvent.Rebooted;
  }

  private static Step downloadStarted(
      AssignmentState state, DeviceEvent.DownloadStarted e, int maxAttempts) {
    if (e.version().compareTo(state.targetVersion()) > 0) {
      return outOfOrder(
          e, "version " + e.version() + " is newer than the target " + state.targetVersion());
    }
    Outcome outcome = state.outcome();
    boolean retry = RETRYABLE.contains(outcome) && state.attempts() < maxAttempts;
    if (!WAITING.contains(outcome) && !retry && outcome != Outcome.IN_PROGRESS) {
      return outOfOrder(
          e,
          RETRYABLE.contains(outcome)
              ? "the device has used all " + maxAttempts + " attempts"
              : "the assignment is " + outcome);
    }
    Draft d = state.draft();
    if (outcome != Outcome.IN_PROGRESS) {
      d.outcome = Outcome.IN_PROGRESS;
      d.attempts++;
      d.healthy = null;
      d.deferredReason = null;
    }
    d.installing = e.version();
    d.usedDelta = e.delta();
    d.rebooted = null;
    return new Step.Applied(d.done());
  }

  private static void rebooted(Draft d, SemVer running) {
    SemVer installing = d.installing != null ? d.installing : d.target;
    if (running.equals(installing)) {
      d.rebooted = true;
    } else {
      d.rebooted = true;
      d.fail(SILENT_FALLBACK, "rebooted into " + running + " instead of " + installing);
    }
  }

  private static Step health(AssignmentState state, DeviceEvent.Health e) {
    if (state.outcome() == Outcome.SUCCEEDED) {
      Draft d = state.draft();
      d.healthy = e.healthy();
      return new Step.Applied(d.done());
    }
    if (state.outcome() != Outcome.IN_PROGRESS) {
      return outOfOrder(e, "the assignment is " + state.outcome());
    }
    if (!Boolean.TRUE.equals(state.rebooted())) {
      return outOfOrder(e, "HEALTH before REBOOTED: success counts only after a reboot");
    }
    Draft d = state.draft();
    SemVer installing = state.installing();
    if (!e.healthy()) {
      d.healthy = false;
      d.fail(HEALTH_CHECK_FAILED, "the device reported itself unhealthy on " + e.version());
    } else if (!e.version().equals(installing)) {
      d.fail(SILENT_FALLBACK, "healthy on " + e.version() + " instead of " + installing);
    } else if (installing.equals(state.targetVersion())) {
      d.outcome = Outcome.SUCCEEDED;
      d.healthy = true;
    } else {
      // a stepping stone is installed: the target comes at a later check-in
      d.outcome = Outcome.PENDING;
      d.installing = null;
      d.rebooted = null;
      d.usedDelta = null;
    }
    return new Step.Applied(d.done());
  }

  private static Step failed(AssignmentState state, DeviceEvent.Failed e) {
    if (DELTA_FAILED.equals(e.errorCode()) && state.outcome() == Outcome.IN_PROGRESS) {
      return inProgress(
          state,
          e,
          d -> {
            d.usedDelta = false;
            d.errorCode = e.errorCode();
            d.errorDetail = e.detail();
          });
    }
    return open(state, e, d -> d.fail(e.errorCode(), e.detail()));
  }

  private static void deferred(Draft d, String reason) {
    d.outcome = Outcome.DEFERRED;
    d.deferredReason = reason;
  }

  private static Step rolledBack(AssignmentState state, DeviceEvent.RolledBack e) {
    if (state.previousVersion() != null && !state.previousVersion().equals(e.version())) {
      return outOfOrder(
          e, "the rollback offered " + state.previousVersion() + ", not " + e.version());
    }
    return rollback(
        state,
        e,
        d -> {
          d.outcome = Outcome.ROLLED_BACK;
          d.rollbackState = RollbackState.DONE;
        });
  }

  private interface Change {
    void apply(Draft draft);
  }

  private static Step inProgress(AssignmentState state, DeviceEvent e, Change change) {
    return when(
        state.outcome() == Outcome.IN_PROGRESS,
        state,
        e,
        change,
        "the assignment is " + state.outcome() + ", not IN_PROGRESS");
  }

  private static Step open(AssignmentState state, DeviceEvent e, Change change) {
    return when(
        OPEN.contains(state.outcome()), state, e, change, "the assignment is " + state.outcome());
  }

  private static Step rollback(AssignmentState state, DeviceEvent e, Change change) {
    return when(
        state.rollbackState() == RollbackState.OFFERED, state, e, change, "no rollback is offered");
  }

  private static Step when(
      boolean applies, AssignmentState state, DeviceEvent e, Change change, String why) {
    if (!applies) {
      return outOfOrder(e, why);
    }
    Draft d = state.draft();
    change.apply(d);
    return new Step.Applied(d.done());
  }

  private static Step outOfOrder(DeviceEvent e, String why) {
    return new Step.OutOfOrder(e.type() + " (" + e.header().eventId() + ") does not apply: " + why);
  }
}
