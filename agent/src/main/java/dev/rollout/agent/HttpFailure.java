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

  /**
   * The server's trouble, not the request's: any 5xx (a 500 from a server bug heals with a fixed
   * server, and the outbox keeps the events meanwhile), 429 and 408. Another 4xx would be refused
   * again, forever.
   */
  boolean retryable() {
    return status >= 500 || status == 429 || status == 408;
  }

  Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}
