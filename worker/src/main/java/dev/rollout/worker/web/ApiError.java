package dev.rollout.worker.web;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.rollout.definitions.plan.Problem;
import java.util.List;

/**
 * The body of every 4xx and 5xx answer of the device and mgmt APIs: a stable code, a message for
 * people, and, for validation errors, every problem with its path.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ApiError(
    @JsonProperty("code") String code,
    @JsonProperty("message") String message,
    @JsonProperty("problems") List<Problem> problems) {

  public ApiError {
    requireNonNull(code, "code");
    requireNonNull(message, "message");
    problems = problems == null ? List.of() : List.copyOf(problems);
  }

  public ApiError(String code, String message) {
    this(code, message, List.of());
  }
}
