package dev.rollout.workflows.rollout;

import dev.rollout.definitions.gate.GateVerdict;

/** The rollout as the {@code status} query and the Temporal UI's "current details" show it. */
final class StatusView {

  private StatusView() {}

  static RolloutStatus status(Ledger ledger) {
    boolean known = ledger.preparation != null && ledger.preparation.plan() != null;
    return new RolloutStatus(
        ledger.rolloutId,
        known ? ledger.plan().name() : null,
        known ? ledger.plan().release() : null,
        ledger.state,
        currentPhase(ledger),
        ledger.phases.all(),
        ledger.pause,
        ledger.audit.entries());
  }

  static String currentPhase(Ledger ledger) {
    if (ledger.preparation == null || ledger.preparation.plan() == null) {
      return null;
    }
    int index =
        ledger.cursor.stage() == Stage.ROLLING_BACK
            ? ledger.cursor.rollbackPhase()
            : ledger.cursor.phaseIndex();
    boolean inPlan = index >= 0 && index < ledger.plan().phases().size();
    boolean active = ledger.cursor.stage() != Stage.DRAINING && ledger.cursor.stage() != Stage.DONE;
    return inPlan && active ? ledger.plan().phases().get(index).name() : null;
  }

  /** Markdown for the Temporal UI. */
  static String details(Ledger ledger) {
    RolloutStatus s = status(ledger);
    StringBuilder md = new StringBuilder();
    md.append("### Rollout ").append(s.plan()).append(" → ").append(s.release()).append("\n\n");
    md.append("**").append(s.state()).append("**");
    if (s.currentPhase() != null) {
      md.append(" · phase **").append(s.currentPhase()).append("**");
    }
    if (s.pause() != null) {
      md.append(" · paused by ").append(s.pause().by()).append(": ").append(s.pause().reason());
    }
    md.append(
        "\n\n| phase | state | assigned / target | succeeded | failed | timed out | gate |\n");
    md.append("|---|---|---|---|---|---|---|\n");
    for (PhaseStatus p : s.phases()) {
      md.append("| ").append(p.name()).append(" | ").append(p.state());
      md.append(" | ").append(p.assigned()).append(" / ").append(p.target());
      md.append(" | ").append(p.succeeded()).append(" | ").append(p.failed());
      md.append(" | ").append(p.timedOut()).append(" | ").append(gate(p.gate())).append(" |\n");
    }
    if (!s.audit().isEmpty()) {
      AuditEntry last = s.audit().get(s.audit().size() - 1);
      md.append("\nLast decision: ").append(last.event()).append(" by ").append(last.by());
      md.append(" — ").append(last.detail()).append('\n');
    }
    md.append(
        "\nSignals: `pause`, `resume`, `abort`, `rollback`, `approve {\"phase\": …}`; query `status`.");
    return md.toString();
  }

  private static String gate(GateVerdict gate) {
    return gate == null ? "–" : gate.verdict().name();
  }
}
