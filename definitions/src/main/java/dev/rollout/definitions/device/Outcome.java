package dev.rollout.definitions.device;

/** A device's outcome in one rollout (DESIGN.md §2), as stored in {@code assignments.outcome}. */
public enum Outcome {
  PENDING,
  DEFERRED,
  IN_PROGRESS,
  SUCCEEDED,
  FAILED,
  TIMED_OUT,
  QUARANTINED,
  CANCELLED,
  ROLLED_BACK,
  MISSED,
  INELIGIBLE;

  /** Outcomes that end an attempt: the store stamps {@code finished_at} when one is reached. */
  public boolean isFinished() {
    return this == SUCCEEDED || this == FAILED || this == ROLLED_BACK;
  }
}
