package dev.rollout.workflows.rollout;

import dev.rollout.definitions.plan.Plan;
import dev.rollout.definitions.plan.Problem;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The result of preparing a rollout: either problems (the rollout must fail), or the validated plan
 * with its population. Recorded in history, so a later change of the parser never changes a running
 * rollout.
 *
 * @param plan null when there are problems
 * @param ineligible devices of the target that cannot take the release, by reason
 *     (UNSUPPORTED_VERSION, INCOMPATIBLE_HARDWARE, MIGRATION_REQUIRED, ...)
 */
public record Preparation(
    List<Problem> problems, Plan plan, List<PhasePopulation> phases, Map<String, Long> ineligible) {

  public Preparation {
    problems = List.copyOf(problems);
    phases = List.copyOf(phases);
    ineligible = java.util.Collections.unmodifiableMap(new TreeMap<>(ineligible));
  }

  public static Preparation rejected(List<Problem> problems) {
    return new Preparation(problems, null, List.of(), Map.of());
  }

  public boolean rejected() {
    return !problems.isEmpty();
  }
}
