package dev.rollout.definitions.plan;

import java.util.List;

/** The outcome of parsing a plan: a valid plan, or every problem found. */
public sealed interface PlanResult {

  record Valid(Plan plan) implements PlanResult {}

  record Invalid(List<Problem> problems) implements PlanResult {
    public Invalid {
      problems = List.copyOf(problems);
      if (problems.isEmpty()) {
        throw new IllegalArgumentException("an invalid plan has at least one problem");
      }
    }
  }
}
