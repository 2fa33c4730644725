package dev.rollout.worker.config;

/**
 * A start-up failure an operator can fix, with a one-line message that says what went wrong and
 * which setting to change. {@link StartupFailureReporter} prints it instead of a stack trace.
 */
public class StartupException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public StartupException(String message) {
    super(message);
  }

  public StartupException(String message, Throwable cause) {
    super(message, cause);
  }

  /** The first {@code StartupException} in a cause chain, if any. */
  public static java.util.Optional<StartupException> find(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof StartupException startup) {
        return java.util.Optional.of(startup);
      }
    }
    return java.util.Optional.empty();
  }

  /** The innermost message of a cause chain: usually the one that names the real problem. */
  public static String rootMessage(Throwable failure) {
    Throwable root = failure;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage();
    return message == null
        ? root.getClass().getSimpleName()
        : message.strip().lines().findFirst().orElse("");
  }
}
