package dev.rollout.definitions.device;

import static java.util.Objects.requireNonNull;

import dev.rollout.definitions.plan.Problem;
import java.util.List;

/**
 * What reading a device request gives: the value, or every problem found (never both).
 *
 * @param value null when there are problems
 */
public record Parsed<T>(T value, List<Problem> problems) {

  public Parsed {
    problems = List.copyOf(requireNonNull(problems, "problems"));
    if ((value == null) == problems.isEmpty()) {
      throw new IllegalArgumentException("exactly one of value and problems must be given");
    }
  }

  public static <T> Parsed<T> of(T value) {
    return new Parsed<>(requireNonNull(value, "value"), List.of());
  }

  public static <T> Parsed<T> invalid(List<Problem> problems) {
    return new Parsed<>(null, problems);
  }

  public boolean isValid() {
    return value != null;
  }
}
