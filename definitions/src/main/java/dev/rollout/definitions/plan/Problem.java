package dev.rollout.definitions.plan;

import static java.util.Objects.requireNonNull;

/**
 * One thing wrong with a plan or a request.
 *
 * @param path where, such as {@code phases[2].gate.successRate}; empty for the document itself
 * @param code stable and machine-readable, such as {@code OUT_OF_RANGE}
 * @param message for people, such as {@code must be between 0 and 1, got 1.5}
 */
public record Problem(String path, String code, String message) {

  public Problem {
    requireNonNull(path, "path");
    requireNonNull(code, "code");
    requireNonNull(message, "message");
  }

  @Override
  public String toString() {
    return path.isEmpty() ? message : path + ": " + message;
  }
}
