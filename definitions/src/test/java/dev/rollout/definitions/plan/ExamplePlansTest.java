package dev.rollout.definitions.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rollout.definitions.version.SemVer;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The README embeds examples/staged-rollout.yaml: this is the test that keeps it honest. */
class ExamplePlansTest {

  private final Plan plan = Fixtures.plan(Path.of("../examples/staged-rollout.yaml"));

  @Test
  void stagesTheThermostatReleaseInFourPhases() {
    assertThat(plan.name()).isEqualTo("thermostat-2-4-0");
    assertThat(plan.workflowId()).isEqualTo("rollout-thermostat-2-4-0");
    assertThat(plan.release()).isEqualTo("2.4.0");
    assertThat(plan.phases())
        .extracting(Phase::name)
        .containsExactly("internal", "low-risk", "quarter", "everyone");
    assertThat(plan.phases())
        .extracting(phase -> phase.cohort().percent())
        .containsExactly(1.0, 5.0, 25.0, 100.0);
  }

  @Test
  void startsWithInternalDevicesUnderAStrictGate() {
    Phase internal = plan.phases().get(0);
    assertThat(internal.cohort().tags()).containsEntry("internal", "true");
    assertThat(internal.soak()).isEqualTo(Duration.ofHours(2));
    assertThat(internal.gate().minDevices()).isEqualTo(20);
    assertThat(internal.gate().maxSupportTickets()).isZero();
    assertThat(internal.gate().maxDownloadP90()).isEqualTo(Duration.ofMinutes(15));
  }

  @Test
  void rollsBackTheLowRiskPhaseAndWaitsForApprovalBeforeTheQuarter() {
    assertThat(plan.phases().get(1).onFailure()).isEqualTo(Phase.OnFailure.ROLLBACK);
    assertThat(plan.phases().get(2).approval()).isEqualTo(Phase.Approval.MANUAL);
    assertThat(plan.phases().get(3).gate()).isEqualTo(Gate.DEFAULT);
  }

  @Test
  void targetsDevicesBelowTheRelease() {
    assertThat(plan.target().versions().contains(SemVer.parse("2.3.1"))).isTrue();
    assertThat(plan.target().versions().contains(SemVer.parse(plan.release()))).isFalse();
    assertThat(plan.devicePolicy().offPeakWindow()).hasToString("01:00-05:00");
    assertThat(plan.rollback()).isEqualTo(new RollbackPolicy(true, 0.05, 50));
    assertThat(plan.window().closesAfter()).isEqualTo(Duration.ofDays(14));
  }
}
