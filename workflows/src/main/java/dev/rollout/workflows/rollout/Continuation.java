package dev.rollout.workflows.rollout;

import java.util.List;

/**
 * Everything a rollout carries into its next run when it continues as new: the prepared plan, its
 * cursor, the pause, the phases' latest figures and the audit tail.
 */
public record Continuation(
    Preparation preparation,
    String requestedBy,
    long startedAtMillis,
    RolloutState state,
    RolloutState resumeTo,
    RolloutStatus.Pause pause,
    boolean pausedByGate,
    Cursor cursor,
    List<PhaseStatus> phases,
    List<AuditEntry> audit,
    List<String> searchAttributes) {

  public Continuation {
    phases = List.copyOf(phases);
    audit = List.copyOf(audit);
    searchAttributes = List.copyOf(searchAttributes);
  }

  /**
   * @param assignedTotal devices assigned by this rollout so far (drives the rate ramp)
   * @param soakedMillis running time soaked so far in the current phase (pauses do not count)
   * @param soakTargetMillis the soak, or its extension while the gate is inconclusive
   * @param gateOverridden an operator resumed after this phase's gate stopped it: the phase is
   *     accepted
   * @param nextWaveAtMillis not before this time (workflow clock) may the next wave start: the rate
   *     holds across pauses
   * @param rollbackPhase the next phase to roll back
   */
  public record Cursor(
      Stage stage,
      int phaseIndex,
      long assignedTotal,
      long soakedMillis,
      long soakTargetMillis,
      boolean gateOverridden,
      long nextWaveAtMillis,
      int rollbackPhase) {}
}
