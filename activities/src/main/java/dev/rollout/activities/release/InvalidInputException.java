package dev.rollout.activities.release;

import static java.util.Objects.requireNonNull;

import dev.rollout.definitions.plan.Problem;
import java.util.List;

/** Input refused before anything was stored: every problem found, each with its path. */
public final class InvalidInputException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient List<Problem> problems;

  public InvalidInputException(String message, List<Problem> problems) {
    super(message);
    this.problems = List.copyOf(requireNonNull(problems, "problems"));
    if (this.problems.isEmpty()) {
      throw new IllegalArgumentException("invalid input needs at least one problem");
    }
  }

  public List<Problem> problems() {
    return problems;
  }
}
