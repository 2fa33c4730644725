package dev.rollout.activities.gate;

import dev.rollout.definitions.gate.BrakeEvaluator;
import dev.rollout.definitions.gate.GateEvaluator;
import dev.rollout.definitions.gate.GateVerdict;
import dev.rollout.definitions.gate.PhaseCounts;
import dev.rollout.definitions.plan.Gate;
import dev.rollout.definitions.plan.RollbackPolicy;

/**
 * Turns counts into verdicts. The store measures, the definitions module judges ({@link
 * #standard()}); the seam lets the store's measurements be tested on their own.
 */
public interface Judge {

  GateVerdict gate(Gate gate, PhaseCounts counts, boolean soakEnded);

  GateVerdict brake(RollbackPolicy policy, PhaseCounts rolloutCounts);

  static Judge standard() {
    return new Judge() {
      @Override
      public GateVerdict gate(Gate gate, PhaseCounts counts, boolean soakEnded) {
        return GateEvaluator.evaluate(gate, counts, soakEnded);
      }

      @Override
      public GateVerdict brake(RollbackPolicy policy, PhaseCounts rolloutCounts) {
        return BrakeEvaluator.evaluate(policy, rolloutCounts);
      }
    };
  }
}
