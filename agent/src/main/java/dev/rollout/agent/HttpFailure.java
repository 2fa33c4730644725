package dev.rollout.agent;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

/**
 * The server answered with an error status. Carries the contract's stable {@code code} and, for
 * 503, the {@code Retry-After} the server asked for.
 */
final class HttpFailure extends IOException {

  private static final long serialVersionUID = 1L;

  private final int status;
  private final String code;
  private final transient Duration retryAfter;

  HttpFailure(int status, String code, String message, Duration retryAfter) {
    super(status + " " + code + ": " + message);
    this.status = status;
    this.code = code;
    this.retryAfter = retryAfter;
  }

  int status() {
    return status;
  }

  String code() {
    return code;
  }

  /** Whether trying again later can help: 503, 429 and gateway errors; never a 4xx verdict. */
  boolean retryable() {
    return status == 503 || status == 429 || status == 502 || status == 504;
  }

  Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}
