package dev.rollout.definitions.gate;

import dev.rollout.definitions.plan.RollbackPolicy;

/** The fleet-wide brake ({@code rollback} of the plan), over the counts of the whole rollout. */
public final class BrakeEvaluator {

  private BrakeEvaluator() {}

  /**
   * FAIL when the brake engages, PASS otherwise (INCONCLUSIVE while fewer than minDevices
   * completed).
   */
  public static GateVerdict evaluate(RollbackPolicy policy, PhaseCounts rolloutCounts) {
    throw new UnsupportedOperationException("TODO");
  }
}
