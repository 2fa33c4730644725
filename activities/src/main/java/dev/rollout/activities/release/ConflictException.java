package dev.rollout.activities.release;

import static java.util.Objects.requireNonNull;

/**
 * A request that is well-formed but clashes with what is stored (a key registered for another
 * product line, a release still in use); {@link #code()} is stable.
 */
public final class ConflictException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String code;

  public ConflictException(String code, String message) {
    super(message);
    this.code = requireNonNull(code, "code");
  }

  public String code() {
    return code;
  }
}
