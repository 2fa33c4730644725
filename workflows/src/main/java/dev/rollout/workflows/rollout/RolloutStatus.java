package dev.rollout.workflows.rollout;

import java.util.List;

/**
 * The answer of the {@code status} query (DESIGN.md §3).
 *
 * @param plan the plan's name; null before the plan is known
 * @param currentPhase the current phase's name; null before the first and after the last
 * @param pause null unless paused
 * @param audit the most recent decisions, oldest first
 */
public record RolloutStatus(
    String rolloutId,
    String plan,
    String release,
    RolloutState state,
    String currentPhase,
    List<PhaseStatus> phases,
    Pause pause,
    List<AuditEntry> audit) {

  public RolloutStatus {
    phases = List.copyOf(phases);
    audit = List.copyOf(audit);
  }

  /** Why and since when a rollout is paused. {@code at} is ISO-8601. */
  public record Pause(String reason, String by, String at) {}
}
