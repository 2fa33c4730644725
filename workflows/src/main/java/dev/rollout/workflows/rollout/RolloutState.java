package dev.rollout.workflows.rollout;

/** The state of a rollout (DESIGN.md §3). */
public enum RolloutState {
  RUNNING,
  PAUSED,
  AWAITING_APPROVAL,
  ROLLING_BACK,
  COMPLETED,
  ROLLED_BACK,
  ABORTED,
  FAILED;

  public boolean isFinal() {
    return this == COMPLETED || this == ROLLED_BACK || this == ABORTED || this == FAILED;
  }
}
