package dev.rollout.worker.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rollout.activities.dashboard.StoreDashboard;
import dev.rollout.activities.dashboard.StoreDashboard.Cohort;
import dev.rollout.activities.dashboard.StoreDashboard.StoredRollout;
import dev.rollout.activities.dashboard.StoreDashboard.SupportQueue;
import dev.rollout.activities.dashboard.StoreDashboard.Timing;
import dev.rollout.definitions.gate.GateVerdict;
import dev.rollout.definitions.gate.Verdict;
import dev.rollout.workflows.rollout.PhaseState;
import dev.rollout.workflows.rollout.PhaseStatus;
import dev.rollout.workflows.rollout.RolloutState;
import dev.rollout.workflows.rollout.RolloutStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class DashboardViewsTest {

  private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

  @Test
  void derivesPhaseStatesFromTheRolloutRowWhenTheWorkflowDoesNotAnswer() {
    assertThat(states("RUNNING", 1)).containsExactly("PASSED", "ACTIVE", "PENDING");
    assertThat(states("COMPLETED", 2)).containsExactly("PASSED", "PASSED", "PASSED");
    assertThat(states("ROLLED_BACK", 1)).containsExactly("PASSED", "FAILED", "PENDING");
    assertThat(states("ABORTED", 0)).containsExactly("SKIPPED", "PENDING", "PENDING");
    assertThat(states("RUNNING", -1)).containsExactly("PENDING", "PENDING", "PENDING");
  }

  @Test
  void takesStateAndGateFromTheWorkflowAndDevicesFromTheStore() {
    GateVerdict pass = new GateVerdict(Verdict.PASS, List.of("fine"), Map.of("completed", 20));
    RolloutStatus status =
        new RolloutStatus(
            "r",
            "plan",
            "1.0.0",
            RolloutState.PAUSED,
            "b",
            List.of(
                phase("a", PhaseState.PASSED, pass),
                phase("b", PhaseState.ACTIVE, null),
                phase("c", PhaseState.PENDING, null)),
            new RolloutStatus.Pause("why", "bob", NOW.toString()),
            List.of());

    DashboardView.Rollout view =
        DashboardViews.of(List.of(), store(row("RUNNING", 1)), Map.of("r", status), NOW)
            .rollouts()
            .get(0);

    assertThat(view.source()).isEqualTo("workflow");
    assertThat(view.state()).isEqualTo("PAUSED");
    assertThat(view.pause().by()).isEqualTo("bob");
    assertThat(view.phases().get(0).gate()).isEqualTo(pass);
    assertThat(view.phases()).extracting(DashboardView.Phase::assigned).containsExactly(7L, 7L, 7L);
  }

  private static List<String> states(String state, int current) {
    return DashboardViews.of(List.of(), store(row(state, current)), Map.of(), NOW)
        .rollouts()
        .get(0)
        .phases()
        .stream()
        .map(DashboardView.Phase::state)
        .toList();
  }

  private static StoreDashboard store(StoredRollout row) {
    return new StoreDashboard(List.of(row), new SupportQueue(0, List.of()));
  }

  private static StoredRollout row(String state, int current) {
    List<Cohort> cohorts =
        IntStream.range(0, 3)
            .mapToObj(
                i ->
                    new Cohort(
                        i,
                        String.valueOf((char) ('a' + i)),
                        10,
                        10,
                        Map.of("SUCCEEDED", 7L),
                        7,
                        0,
                        List.of(),
                        List.of(),
                        List.of(),
                        Timing.NONE,
                        Timing.NONE))
            .toList();
    return new StoredRollout(
        "r", "plan", "1.0.0", state, current, null, null, null, NOW, NOW, cohorts, List.of());
  }

  private static PhaseStatus phase(String name, PhaseState state, GateVerdict gate) {
    return new PhaseStatus(name, state, 10, 10, 7, 7, 0, 0, 0, 0, 0, gate);
  }
}
