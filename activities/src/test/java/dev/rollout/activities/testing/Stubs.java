package dev.rollout.activities.testing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rollout.activities.gate.Judge;
import dev.rollout.activities.plan.PlanReader;
import dev.rollout.definitions.gate.GateVerdict;
import dev.rollout.definitions.gate.PhaseCounts;
import dev.rollout.definitions.gate.Verdict;
import dev.rollout.definitions.plan.Gate;
import dev.rollout.definitions.plan.Plan;
import dev.rollout.definitions.plan.PlanResult;
import dev.rollout.definitions.plan.RollbackPolicy;
import java.util.List;
import java.util.Map;

/**
 * Stand-ins for the definitions module's parser and gate math, so the store is tested on its own: a
 * reader that returns a fixed plan whatever the document, and a judge that is always INCONCLUSIVE
 * (tests assert the counts).
 */
public final class Stubs {

  private Stubs() {}

  public static PlanReader reader(Plan plan) {
    return new PlanReader() {
      @Override
      public PlanResult parse(JsonNode document) {
        return new PlanResult.Valid(plan);
      }

      @Override
      public PlanResult parse(String text) {
        return new PlanResult.Valid(plan);
      }
    };
  }

  public static Judge inconclusive() {
    GateVerdict verdict = new GateVerdict(Verdict.INCONCLUSIVE, List.of("stub judge"), Map.of());
    return new Judge() {
      @Override
      public GateVerdict gate(Gate gate, PhaseCounts counts, boolean soakEnded) {
        return verdict;
      }

      @Override
      public GateVerdict brake(RollbackPolicy policy, PhaseCounts rolloutCounts) {
        return verdict;
      }
    };
  }
}
