package dev.rollout.worker.config;

import org.springframework.boot.SpringBootExceptionReporter;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * Prints a {@link StartupException} as one line on stderr. Without it Spring Boot logs the failure
 * with a stack trace of a hundred lines or more, and the one line that matters (which server could
 * not be reached, which setting to change) is easy to miss. Other failures keep Boot's reporting.
 * Registered in {@code META-INF/spring.factories}.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
public final class StartupFailureReporter implements SpringBootExceptionReporter {

  public StartupFailureReporter(ConfigurableApplicationContext context) {
    // Boot instantiates reporters with the context; we do not need it.
  }

  @Override
  public boolean reportException(Throwable failure) {
    return StartupException.find(failure)
        .map(
            startup -> {
              System.err.println("rollout: " + startup.getMessage());
              return true;
            })
        .orElse(false);
  }
}
