package dev.rollout.workflows.rollout;

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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Plans built from records, for tests that must not depend on the parser. */
final class TestPlans {

  private TestPlans() {}

  static Plan fourPhases() {
    return plan(
        List.of(
            phase("internal", 1, Phase.OnFailure.PAUSE, Phase.Approval.AUTO),
            phase("low-risk", 5, Phase.OnFailure.PAUSE, Phase.Approval.AUTO),
            phase("quarter", 25, Phase.OnFailure.PAUSE, Phase.Approval.AUTO),
            phase("everyone", 100, Phase.OnFailure.PAUSE, Phase.Approval.AUTO)));
  }

  static Plan withPhase(int index, Phase.OnFailure onFailure, Phase.Approval approval) {
    List<Phase> phases = new ArrayList<>(fourPhases().phases());
    Phase p = phases.get(index);
    phases.set(index, new Phase(p.name(), p.cohort(), p.soak(), p.gate(), onFailure, approval));
    return plan(phases);
  }

  static Plan withRate(Rate rate) {
    Plan p = fourPhases();
    return new Plan(
        p.apiVersion(),
        p.name(),
        p.release(),
        p.target(),
        p.devicePolicy(),
        rate,
        p.window(),
        p.phases(),
        p.rollback());
  }

  static Plan plan(List<Phase> phases) {
    return new Plan(
        Plan.API_VERSION,
        "thermostat-2-4-0",
        "2.4.0",
        Target.EVERYONE,
        DevicePolicy.DEFAULT,
        Rate.UNLIMITED,
        new Window(Duration.ofDays(2)),
        phases,
        RollbackPolicy.DEFAULT);
  }

  static Phase phase(
      String name, double percent, Phase.OnFailure onFailure, Phase.Approval approval) {
    return new Phase(
        name,
        new Cohort(Map.of(), List.of(), List.of(), percent),
        Duration.ofHours(2),
        Gate.DEFAULT,
        onFailure,
        approval);
  }
}
