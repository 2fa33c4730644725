package dev.rollout.worker.device;

import dev.rollout.worker.web.ApiError;
import dev.rollout.worker.web.ApiException;
import org.springframework.http.HttpStatus;

/** The device API's own error answers (docs/device-api.md, Errors). */
final class DeviceErrors {

  private DeviceErrors() {}

  // one message whatever went wrong: it never tells whether the device id exists
  static ApiError unauthenticated() {
    return new ApiError("UNAUTHENTICATED", "a valid device token is required");
  }

  static ApiError notThisDevice() {
    return new ApiError("NOT_THIS_DEVICE", "the token belongs to another device");
  }

  static ApiException unauthenticatedException() {
    return new ApiException(HttpStatus.UNAUTHORIZED, unauthenticated());
  }

  static ApiException notThisDeviceException() {
    return new ApiException(HttpStatus.FORBIDDEN, notThisDevice());
  }

  static ApiException notFound() {
    return new ApiException(HttpStatus.NOT_FOUND, "NOT_FOUND", "no such artifact");
  }
}
