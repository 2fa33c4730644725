package dev.rollout.definitions.gate;

import static dev.rollout.definitions.gate.Numbers.format;
import static dev.rollout.definitions.gate.Numbers.ratio;

import dev.rollout.definitions.plan.Gate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The gate semantics of DESIGN.md §2, as a pure function of the gate and the phase's counts. */
public final class GateEvaluator {

  private GateEvaluator() {}

  /**
   * @param soakEnded whether the soak is over: a pass is only possible then; before, the verdict is
   *     FAIL or INCONCLUSIVE
   */
  public static GateVerdict evaluate(Gate gate, PhaseCounts counts, boolean soakEnded) {
    Measures m = Measures.of(gate, counts);
    List<String> failures = GateLimits.violations(gate, counts, m);
    if (!failures.isEmpty()) {
      return new GateVerdict(Verdict.FAIL, failures, m.inputs());
    }
    List<String> missing = new ArrayList<>();
    if (!soakEnded) {
      missing.add("soak not over yet");
    }
    if (!m.enoughDevices()) {
      missing.add(m.completed() + " of " + gate.minDevices() + " devices completed");
    } else if (m.successLower() < gate.successRate()) {
      missing.add(
          "success rate lower bound "
              + format(m.successLower())
              + " below "
              + format(gate.successRate()));
    }
    if (!missing.isEmpty()) {
      return new GateVerdict(Verdict.INCONCLUSIVE, missing, m.inputs());
    }
    String reason =
        "success rate lower bound %s reaches %s with %d devices completed"
            .formatted(format(m.successLower()), format(gate.successRate()), m.completed());
    return new GateVerdict(Verdict.PASS, List.of(reason), m.inputs());
  }

  /** The numbers a verdict is computed from, and recorded with it. */
  record Measures(
      Gate gate,
      PhaseCounts counts,
      long completed,
      Wilson.Interval success,
      Wilson.Interval failure) {

    static Measures of(Gate gate, PhaseCounts counts) {
      long completed = counts.completed();
      return new Measures(
          gate,
          counts,
          completed,
          Wilson.interval(counts.succeeded(), completed, gate.confidence()),
          Wilson.interval(counts.failures(), completed, gate.confidence()));
    }

    boolean enoughDevices() {
      return completed >= gate.minDevices();
    }

    double successLower() {
      return success.lower();
    }

    double failureLower() {
      return failure.lower();
    }

    double healthRegression() {
      return ratio(counts.unhealthy(), counts.succeeded());
    }

    Map<String, Object> inputs() {
      Map<String, Object> inputs = new LinkedHashMap<>();
      inputs.put("completed", completed);
      inputs.put("succeeded", counts.succeeded());
      inputs.put("failures", counts.failures());
      inputs.put("failed", counts.failed());
      inputs.put("timedOut", counts.timedOut());
      inputs.put("quarantined", counts.quarantined());
      inputs.put("successRate", ratio(counts.succeeded(), completed));
      inputs.put("successLowerBound", success.lower());
      inputs.put("failureRate", ratio(counts.failures(), completed));
      inputs.put("failureLowerBound", failure.lower());
      inputs.put("confidence", gate.confidence());
      inputs.put("minDevices", (long) gate.minDevices());
      inputs.put("requiredSuccessRate", gate.successRate());
      inputs.put("maxFailureRate", gate.maxFailureRate());
      inputs.put("unhealthy", counts.unhealthy());
      inputs.put("healthRegression", healthRegression());
      inputs.put("supportTickets", counts.supportTickets());
      GateLimits.putOptionalInputs(gate, counts, inputs);
      return inputs;
    }
  }
}
