package dev.rollout.definitions.gate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rollout.definitions.plan.RollbackPolicy;
import org.junit.jupiter.api.Test;

class BrakeEvaluatorTest {

  private static final RollbackPolicy BRAKE = new RollbackPolicy(true, 0.10, 50);

  @Test
  void engagesWhenTheObservedFailureRateExceedsTheLimit() {
    GateVerdict verdict = BrakeEvaluator.evaluate(BRAKE, Counts.of(44, 6).build());
    assertThat(verdict.verdict()).isEqualTo(Verdict.FAIL);
    assertThat(verdict.reasons()).containsExactly("failure rate 0.12 above 0.1 (6 of 50 failed)");
  }

  @Test
  void holdsAtTheLimit() {
    GateVerdict verdict = BrakeEvaluator.evaluate(BRAKE, Counts.of(45, 5).build());
    assertThat(verdict.verdict()).isEqualTo(Verdict.PASS);
    assertThat(verdict.reasons()).containsExactly("failure rate 0.1 within 0.1 (5 of 50 failed)");
  }

  @Test
  void waitsForMinDevices() {
    GateVerdict verdict = BrakeEvaluator.evaluate(BRAKE, Counts.of(0, 49).build());
    assertThat(verdict.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
    assertThat(verdict.reasons()).containsExactly("49 of 50 devices completed");
  }

  @Test
  void countsTimeoutsAndQuarantinesAsFailures() {
    PhaseCounts counts = Counts.of(40, 2).timedOut(4).quarantined(4).build();
    assertThat(BrakeEvaluator.evaluate(BRAKE, counts).verdict()).isEqualTo(Verdict.FAIL);
  }

  @Test
  void neverEngagesWhenAutomaticRollbackIsOff() {
    RollbackPolicy off = new RollbackPolicy(false, 0.10, 50);
    GateVerdict verdict = BrakeEvaluator.evaluate(off, Counts.of(0, 500).build());
    assertThat(verdict.verdict()).isEqualTo(Verdict.PASS);
    assertThat(verdict.reasons()).containsExactly("automatic rollback is off");
  }

  @Test
  void recordsItsInputs() {
    GateVerdict verdict = BrakeEvaluator.evaluate(BRAKE, Counts.of(44, 6).build());
    assertThat(verdict.inputs())
        .containsEntry("completed", 50L)
        .containsEntry("failures", 6L)
        .containsEntry("failureRate", 0.12)
        .containsEntry("maxFailureRate", 0.10)
        .containsEntry("minDevices", 50L)
        .containsEntry("auto", "true");
  }
}
