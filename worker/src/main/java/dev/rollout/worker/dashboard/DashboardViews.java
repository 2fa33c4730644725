package dev.rollout.worker.dashboard;

import dev.rollout.activities.dashboard.StoreDashboard;
import dev.rollout.activities.dashboard.StoreDashboard.Cohort;
import dev.rollout.activities.dashboard.StoreDashboard.StoredRollout;
import dev.rollout.activities.dashboard.StoreDashboard.Timing;
import dev.rollout.definitions.gate.GateVerdict;
import dev.rollout.workflows.rollout.PhaseStatus;
import dev.rollout.workflows.rollout.RolloutStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Joins the store's aggregates with the workflows' answers: the workflow knows the states and the
 * gate verdicts, the store the cohorts' devices. Without an answer the phase states are derived
 * from the rollout's row.
 */
final class DashboardViews {

  private DashboardViews() {}

  static DashboardView of(
      List<StoreDashboard.FleetCell> fleet,
      StoreDashboard store,
      Map<String, RolloutStatus> statuses,
      Instant generatedAt) {
    long devices = fleet.stream().mapToLong(StoreDashboard.FleetCell::devices).sum();
    List<DashboardView.Rollout> rollouts = new ArrayList<>();
    for (StoredRollout rollout : store.rollouts()) {
      RolloutStatus status = statuses.get(rollout.id());
      rollouts.add(status == null ? fromStore(rollout) : fromWorkflow(rollout, status));
    }
    return new DashboardView(
        generatedAt, new DashboardView.Fleet(devices, fleet), rollouts, store.support());
  }

  private static DashboardView.Rollout fromWorkflow(StoredRollout row, RolloutStatus status) {
    List<DashboardView.Phase> phases = new ArrayList<>();
    for (int i = 0; i < status.phases().size(); i++) {
      PhaseStatus phase = status.phases().get(i);
      Cohort cohort = cohort(row, i, phase.name());
      phases.add(
          cohort == null ? counted(i, phase) : phase(cohort, phase.state().name(), phase.gate()));
    }
    RolloutStatus.Pause pause = status.pause();
    return new DashboardView.Rollout(
        row.id(),
        status.plan() != null ? status.plan() : row.planName(),
        status.release() != null ? status.release() : row.release(),
        status.state().name(),
        status.currentPhase(),
        pause == null ? null : new DashboardView.Pause(pause.reason(), pause.by(), pause.at()),
        row.startedAt(),
        row.updatedAt(),
        "workflow",
        phases,
        status.audit().stream()
            .map(a -> new DashboardView.Audit(a.at(), a.event(), a.by(), a.detail(), a.inputs()))
            .toList());
  }

  private static DashboardView.Rollout fromStore(StoredRollout row) {
    List<DashboardView.Phase> phases = new ArrayList<>();
    for (Cohort cohort : row.cohorts()) {
      phases.add(phase(cohort, derivedState(row, cohort.phase()), null));
    }
    String current =
        row.cohorts().stream()
            .filter(c -> c.phase() == row.currentPhase())
            .map(Cohort::name)
            .findFirst()
            .orElse(null);
    DashboardView.Pause pause =
        row.pausedAt() == null
            ? null
            : new DashboardView.Pause(
                row.pausedReason(), row.pausedBy(), row.pausedAt().toString());
    return new DashboardView.Rollout(
        row.id(),
        row.planName(),
        row.release(),
        row.state(),
        current,
        pause,
        row.startedAt(),
        row.updatedAt(),
        "store",
        phases,
        row.audit().stream()
            .map(
                a ->
                    new DashboardView.Audit(
                        a.at().toString(), a.event(), a.actor(), a.detail(), Map.of()))
            .toList());
  }

  /**
   * A phase's state from the rollout's row: before the current one passed, after it pending; the
   * current one is active while the rollout moves, and failed or skipped when it ended there.
   */
  static String derivedState(StoredRollout row, int phase) {
    if (row.state().equals("COMPLETED") || phase < row.currentPhase()) {
      return "PASSED";
    }
    if (phase > row.currentPhase()) {
      return "PENDING";
    }
    return switch (row.state()) {
      case "ROLLED_BACK", "FAILED", "ROLLING_BACK" -> "FAILED";
      case "ABORTED" -> "SKIPPED";
      default -> "ACTIVE";
    };
  }

  private static Cohort cohort(StoredRollout row, int index, String name) {
    return row.cohorts().stream()
        .filter(c -> c.phase() == index && c.name().equals(name))
        .findFirst()
        .orElse(null);
  }

  private static DashboardView.Phase phase(Cohort c, String state, GateVerdict gate) {
    return new DashboardView.Phase(
        c.phase(),
        c.name(),
        state,
        c.population(),
        c.target(),
        c.assigned(),
        c.outcomes(),
        c.healthy(),
        c.unhealthy(),
        gate,
        c.failures(),
        c.missed(),
        c.deferred(),
        c.download(),
        c.install());
  }

  /** A phase the store has no cohort for yet: the workflow's own counts. */
  private static DashboardView.Phase counted(int index, PhaseStatus p) {
    Map<String, Long> outcomes = new TreeMap<>();
    putIfAny(outcomes, "SUCCEEDED", p.succeeded());
    putIfAny(outcomes, "FAILED", p.failed());
    putIfAny(outcomes, "TIMED_OUT", p.timedOut());
    putIfAny(outcomes, "IN_PROGRESS", p.inProgress());
    putIfAny(outcomes, "PENDING", p.pending());
    putIfAny(outcomes, "DEFERRED", p.deferred());
    return new DashboardView.Phase(
        index,
        p.name(),
        p.state().name(),
        p.population(),
        p.target(),
        p.assigned(),
        outcomes,
        0,
        0,
        p.gate(),
        List.of(),
        List.of(),
        List.of(),
        Timing.NONE,
        Timing.NONE);
  }

  private static void putIfAny(Map<String, Long> outcomes, String outcome, long devices) {
    if (devices > 0) {
      outcomes.put(outcome, devices);
    }
  }
}
