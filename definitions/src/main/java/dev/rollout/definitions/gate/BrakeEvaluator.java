package dev.rollout.definitions.gate;

import static dev.rollout.definitions.gate.Numbers.format;
import static dev.rollout.definitions.gate.Numbers.ratio;

import dev.rollout.definitions.plan.RollbackPolicy;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fleet-wide brake ({@code rollback} of the plan), over the counts of the whole rollout. Unlike
 * a gate it compares the observed failure rate, not a confidence bound: it is the last line of
 * defence and should engage early.
 */
public final class BrakeEvaluator {

  private BrakeEvaluator() {}

  /**
   * FAIL when the brake engages, PASS otherwise (INCONCLUSIVE while fewer than minDevices
   * completed).
   */
  public static GateVerdict evaluate(RollbackPolicy policy, PhaseCounts rolloutCounts) {
    long completed = rolloutCounts.completed();
    long failures = rolloutCounts.failures();
    double failureRate = ratio(failures, completed);
    Map<String, Object> inputs = new LinkedHashMap<>();
    inputs.put("auto", String.valueOf(policy.auto()));
    inputs.put("completed", completed);
    inputs.put("failures", failures);
    inputs.put("failureRate", failureRate);
    inputs.put("maxFailureRate", policy.failureRate());
    inputs.put("minDevices", (long) policy.minDevices());
    if (!policy.auto()) {
      return new GateVerdict(Verdict.PASS, List.of("automatic rollback is off"), inputs);
    }
    if (completed < policy.minDevices()) {
      String reason = completed + " of " + policy.minDevices() + " devices completed";
      return new GateVerdict(Verdict.INCONCLUSIVE, List.of(reason), inputs);
    }
    String rates =
        format(failureRate) + (failureRate > policy.failureRate() ? " above " : " within ");
    String reason =
        "failure rate "
            + rates
            + format(policy.failureRate())
            + " ("
            + failures
            + " of "
            + completed
            + " failed)";
    Verdict verdict = failureRate > policy.failureRate() ? Verdict.FAIL : Verdict.PASS;
    return new GateVerdict(verdict, List.of(reason), inputs);
  }
}
