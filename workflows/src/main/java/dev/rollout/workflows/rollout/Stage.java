package dev.rollout.workflows.rollout;

/** Where a rollout is within its plan; with the phase index it is the workflow's cursor. */
public enum Stage {
  /** assigning the current phase's cohort in waves */
  ASSIGNING,
  /** the cohort is assigned; soaking and measuring the gate */
  SOAKING,
  /** the gate passed; waiting for an operator's approval */
  AWAITING_APPROVAL,
  /** every phase passed; waiting for stragglers until they finish or the window closes */
  DRAINING,
  /** compensating: offering previous versions, phase by phase in reverse order */
  ROLLING_BACK,
  /** nothing more to do */
  DONE
}
