package dev.rollout.workflows.rollout;

/** The state of one phase of a rollout (DESIGN.md §3). */
public enum PhaseState {
  PENDING,
  ACTIVE,
  PASSED,
  FAILED,
  SKIPPED
}
