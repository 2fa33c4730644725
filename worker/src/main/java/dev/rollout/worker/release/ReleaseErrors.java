package dev.rollout.worker.release;

import dev.rollout.activities.release.ConflictException;
import dev.rollout.activities.release.InvalidInputException;
import dev.rollout.worker.web.ApiException;
import java.util.function.Supplier;
import org.springframework.http.HttpStatus;

/** Turns the registry's exceptions into {@link ApiException}s of the one error mapping. */
final class ReleaseErrors {

  private ReleaseErrors() {}

  static <T> T mapped(Supplier<T> call) {
    try {
      return call.get();
    } catch (InvalidInputException e) {
      throw ApiException.invalid(e.getMessage(), e.problems());
    } catch (ConflictException e) {
      throw new ApiException(HttpStatus.CONFLICT, e.code(), e.getMessage());
    }
  }

  static ApiException notFound(String message) {
    return new ApiException(HttpStatus.NOT_FOUND, "NOT_FOUND", message);
  }
}
