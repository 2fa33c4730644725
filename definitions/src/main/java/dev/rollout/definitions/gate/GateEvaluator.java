package dev.rollout.definitions.gate;

import dev.rollout.definitions.plan.Gate;

/** The gate semantics of DESIGN.md §2, as a pure function of the gate and the phase's counts. */
public final class GateEvaluator {

  private GateEvaluator() {}

  /**
   * @param soakEnded whether the soak is over: a pass is only possible then; before, the verdict is
   *     FAIL or INCONCLUSIVE
   */
  public static GateVerdict evaluate(Gate gate, PhaseCounts counts, boolean soakEnded) {
    throw new UnsupportedOperationException("TODO");
  }
}
