package dev.rollout.definitions.device;

import static java.util.Objects.requireNonNull;

import dev.rollout.definitions.version.SemVer;

/**
 * The parts of one device's assignment that events change and offers depend on.
 *
 * @param previousVersion the version the device ran when assigned: what a rollback restores
 * @param rollbackState null when no rollback was offered
 * @param installingVersion what the device is installing now: the target or a stepping stone
 * @param usedDelta, rebooted, healthy, downloadMs, installMs null until reported
 */
public record AssignmentState(
    Outcome outcome,
    int attempts,
    SemVer targetVersion,
    SemVer previousVersion,
    RollbackState rollbackState,
    SemVer installingVersion,
    Boolean usedDelta,
    Boolean rebooted,
    Boolean healthy,
    Long downloadMs,
    Long installMs,
    String lastErrorCode,
    String lastErrorDetail,
    String deferredReason) {

  public AssignmentState {
    requireNonNull(outcome, "outcome");
    requireNonNull(targetVersion, "targetVersion");
    if (attempts < 0) {
      throw new IllegalArgumentException("attempts must not be negative");
    }
  }

  /** A fresh assignment, as a wave creates it. */
  public static AssignmentState pending(SemVer target, SemVer previous) {
    return new AssignmentState(
        Outcome.PENDING,
        0,
        target,
        previous,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null);
  }

  /** What the device installs in this attempt; the target when it did not say. */
  public SemVer installing() {
    return installingVersion != null ? installingVersion : targetVersion;
  }

  Draft draft() {
    return new Draft(this);
  }

  /** A copy being changed by one transition; only {@link Transitions} uses it. */
  static final class Draft {
    Outcome outcome;
    int attempts;
    final SemVer target;
    final SemVer previous;
    RollbackState rollbackState;
    SemVer installing;
    Boolean usedDelta;
    Boolean rebooted;
    Boolean healthy;
    Long downloadMs;
    Long installMs;
    String errorCode;
    String errorDetail;
    String deferredReason;

    private Draft(AssignmentState s) {
      outcome = s.outcome;
      attempts = s.attempts;
      target = s.targetVersion;
      previous = s.previousVersion;
      rollbackState = s.rollbackState;
      installing = s.installingVersion;
      usedDelta = s.usedDelta;
      rebooted = s.rebooted;
      healthy = s.healthy;
      downloadMs = s.downloadMs;
      installMs = s.installMs;
      errorCode = s.lastErrorCode;
      errorDetail = s.lastErrorDetail;
      deferredReason = s.deferredReason;
    }

    Draft fail(String code, String detail) {
      outcome = Outcome.FAILED;
      errorCode = code;
      errorDetail = detail;
      return this;
    }

    AssignmentState done() {
      return new AssignmentState(
          outcome,
          attempts,
          target,
          previous,
          rollbackState,
          installing,
          usedDelta,
          rebooted,
          healthy,
          downloadMs,
          installMs,
          errorCode,
          errorDetail,
          deferredReason);
    }
  }
}
