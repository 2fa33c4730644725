package dev.rollout.activities.testing;

import dev.rollout.definitions.plan.Cohort;
import dev.rollout.definitions.plan.DevicePolicy;
import dev.rollout.definitions.plan.Gate;
import dev.rollout.definitions.plan.Phase;
import dev.rollout.definitions.plan.Plan;
import dev.rollout.definitions.plan.Rate;
import dev.rollout.definitions.plan.RollbackPolicy;
import dev.rollout.definitions.plan.Target;
import dev.rollout.definitions.plan.Window;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Plans built from the records directly (no parser): the canonical four phases of DESIGN.md §2, 1%
 * internal → 5% low-risk → 25% → 100%.
 */
public final class Plans {

  private Plans() {}

  public static Plan fourPhase(String name, String release) {
    return withTarget(name, release, Target.EVERYONE);
  }

  public static Plan withTarget(String name, String release, Target target) {
    Gate internalGate = new Gate(20, 0.98, 0.95, 0.02, 0.01, 0, Duration.ofMinutes(15));
    List<Phase> phases =
        List.of(
            phase("internal", Map.of("internal", "true"), 1, internalGate, Phase.Approval.AUTO),
            phase("low-risk", Map.of("segment", "low-risk"), 5, Gate.DEFAULT, Phase.Approval.AUTO),
            phase("quarter", Map.of(), 25, Gate.DEFAULT, Phase.Approval.MANUAL),
            phase("everyone", Map.of(), 100, Gate.DEFAULT, Phase.Approval.AUTO));
    return new Plan(
        Plan.API_VERSION,
        name,
        release,
        target,
        DevicePolicy.DEFAULT,
        Rate.UNLIMITED,
        new Window(Duration.ofDays(14)),
        phases,
        RollbackPolicy.DEFAULT);
  }

  private static Phase phase(
      String name, Map<String, String> tags, double percent, Gate gate, Phase.Approval approval) {
    return new Phase(
        name,
        new Cohort(tags, List.of(), List.of(), percent),
        Duration.ofHours(2),
        gate,
        Phase.OnFailure.PAUSE,
        approval);
  }
}
