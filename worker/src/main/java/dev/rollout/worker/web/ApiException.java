package dev.rollout.worker.web;

import static java.util.Objects.requireNonNull;

import dev.rollout.definitions.plan.Problem;
import java.util.List;
import org.springframework.http.HttpStatus;

/** Thrown by controllers to answer with a stable error; {@link ApiErrors} turns it into JSON. */
public final class ApiException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final HttpStatus status;
  private final transient ApiError error;

  public ApiException(HttpStatus status, String code, String message) {
    this(status, new ApiError(code, message));
  }

  public ApiException(HttpStatus status, ApiError error) {
    super(error.code() + ": " + error.message());
    this.status = requireNonNull(status, "status");
    this.error = error;
  }

  /** 400 INVALID_REQUEST listing every problem. */
  public static ApiException invalid(String message, List<Problem> problems) {
    return new ApiException(
        HttpStatus.BAD_REQUEST, new ApiError("INVALID_REQUEST", message, problems));
  }

  public HttpStatus status() {
    return status;
  }

  public ApiError error() {
    return error;
  }
}
