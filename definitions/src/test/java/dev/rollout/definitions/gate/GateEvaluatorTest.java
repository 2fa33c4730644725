package dev.rollout.definitions.gate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rollout.definitions.plan.Gate;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class GateEvaluatorTest {

  private static final Gate DEFAULT = Gate.DEFAULT;
  private static final Gate ALL_LIMITS =
      new Gate(20, 0.95, 0.95, 0.05, 0.01, 0, Duration.ofMinutes(15));

  private static GateVerdict evaluate(Gate gate, Counts counts, boolean soakEnded) {
    return GateEvaluator.evaluate(gate, counts.build(), soakEnded);
  }

  @Test
  void passesAtTheEndOfTheSoakWithEnoughSuccesses() {
    GateVerdict verdict = evaluate(DEFAULT, Counts.of(200, 0), true);
    assertThat(verdict.verdict()).isEqualTo(Verdict.PASS);
    assertThat(verdict.reasons()).singleElement().asString().contains("0.9812 reaches 0.95");
  }

  @Test
  void neverPassesBeforeTheSoakEnds() {
    GateVerdict verdict = evaluate(DEFAULT, Counts.of(200, 0), false);
    assertThat(verdict.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
    assertThat(verdict.reasons()).containsExactly("soak not over yet");
  }

  @Test
  void isInconclusiveWithTooFewDevices() {
    GateVerdict verdict = evaluate(DEFAULT, Counts.of(7, 0), true);
    assertThat(verdict.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
    assertThat(verdict.reasons()).containsExactly("7 of 10 devices completed");
  }

  @Test
  void isInconclusiveWhenTheLowerBoundFallsShort() {
    // 10 of 10 succeeded: the observed rate is 1 but the lower bound only 0.7225
    GateVerdict verdict = evaluate(DEFAULT, Counts.of(10, 0), true);
    assertThat(verdict.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
    assertThat(verdict.reasons()).containsExactly("success rate lower bound 0.7225 below 0.95");
  }

  @Test
  void failsAsSoonAsTheFailureLowerBoundExceedsTheLimit() {
    GateVerdict verdict = evaluate(DEFAULT, Counts.of(80, 20), false);
    assertThat(verdict.verdict()).isEqualTo(Verdict.FAIL);
    assertThat(verdict.reasons())
        .singleElement()
        .asString()
        .startsWith("failure rate lower bound 0.1334 above 0.05")
        .endsWith("(20 of 100 failed)");
  }

  @Test
  void doesNotFailOnAFewEarlyFailures() {
    GateVerdict verdict = evaluate(DEFAULT, Counts.of(0, 9), false);
    assertThat(verdict.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
  }

  @Test
  void countsTimeoutsAndQuarantinesAsFailures() {
    GateVerdict verdict = evaluate(DEFAULT, Counts.of(80, 5).timedOut(10).quarantined(5), false);
    assertThat(verdict.verdict()).isEqualTo(Verdict.FAIL);
    assertThat(verdict.inputs()).containsEntry("failures", 20L).containsEntry("completed", 100L);
  }

  @Test
  void doesNotFailWhenTheObservedRateIsAboveTheLimitButTheBoundIsNot() {
    // 6 of 100 is above 0.05, but the lower bound (0.0278) is not: not proven bad yet
    GateVerdict verdict = evaluate(DEFAULT, Counts.of(94, 6), true);
    assertThat(verdict.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
  }

  @Test
  void failsOnHealthRegression() {
    GateVerdict verdict = evaluate(ALL_LIMITS, Counts.of(100, 0).unhealthy(3), true);
    assertThat(verdict.verdict()).isEqualTo(Verdict.FAIL);
    assertThat(verdict.reasons())
        .containsExactly("health regression 0.03 above 0.01 (3 of 100 updated devices unhealthy)");
  }

  @Test
  void failsOnSupportTicketsEvenBeforeMinDevices() {
    GateVerdict verdict = evaluate(ALL_LIMITS, Counts.of(2, 0).tickets(1), false);
    assertThat(verdict.verdict()).isEqualTo(Verdict.FAIL);
    assertThat(verdict.reasons()).containsExactly("1 support tickets, more than 0");
  }

  @Test
  void failsOnSlowDownloads() {
    GateVerdict verdict = evaluate(ALL_LIMITS, Counts.of(100, 0).p90(Duration.ofMinutes(16)), true);
    assertThat(verdict.verdict()).isEqualTo(Verdict.FAIL);
    assertThat(verdict.reasons()).containsExactly("download p90 960s above 15m");
  }

  @Test
  void ignoresOptionalLimitsBelowMinDevices() {
    Counts counts = Counts.of(5, 0).unhealthy(5).p90(Duration.ofHours(1));
    assertThat(evaluate(ALL_LIMITS, counts, true).verdict()).isEqualTo(Verdict.INCONCLUSIVE);
  }

  @Test
  void ignoresOptionalLimitsThatAreOff() {
    Counts counts = Counts.of(200, 0).unhealthy(50).tickets(9).p90(Duration.ofHours(5));
    assertThat(evaluate(DEFAULT, counts, true).verdict()).isEqualTo(Verdict.PASS);
  }

  @Test
  void reportsEveryFailureAtOnce() {
    Counts counts = Counts.of(50, 50).unhealthy(10).tickets(2).p90(Duration.ofHours(1));
    assertThat(evaluate(ALL_LIMITS, counts, false).reasons()).hasSize(4);
  }

  @Test
  void listsEveryMissingConditionWhenInconclusive() {
    assertThat(evaluate(DEFAULT, Counts.of(3, 0), false).reasons())
        .containsExactly("soak not over yet", "3 of 10 devices completed");
  }

  @Test
  void recordsItsInputsAsJsonFriendlyValues() {
    GateVerdict verdict = evaluate(ALL_LIMITS, Counts.of(90, 10).p90(Duration.ofSeconds(30)), true);
    assertThat(verdict.inputs())
        .containsEntry("completed", 100L)
        .containsEntry("succeeded", 90L)
        .containsEntry("failures", 10L)
        .containsEntry("successRate", 0.9)
        .containsEntry("failureRate", 0.1)
        .containsEntry("confidence", 0.95)
        .containsEntry("minDevices", 20L)
        .containsEntry("maxSupportTickets", 0L)
        .containsEntry("downloadP90Seconds", 30.0)
        .containsKeys("successLowerBound", "failureLowerBound", "maxHealthRegression");
    assertThat(verdict.inputs().values())
        .allSatisfy(v -> assertThat(v).isInstanceOfAny(Long.class, Double.class, String.class));
  }

  @Test
  void handlesAnEmptyPhase() {
    GateVerdict verdict = GateEvaluator.evaluate(DEFAULT, PhaseCounts.NONE, true);
    assertThat(verdict.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
    assertThat(verdict.inputs())
        .containsEntry("successRate", 0.0)
        .containsEntry("failureRate", 0.0);
  }
}
