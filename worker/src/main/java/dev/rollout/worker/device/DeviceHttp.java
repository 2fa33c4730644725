package dev.rollout.worker.device;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.rollout.activities.device.DeviceTokens;
import dev.rollout.worker.web.ApiError;
import dev.rollout.worker.web.ApiErrors;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/**
 * What the device API's filters share: the bearer token's hash, and JSON answers written the way
 * the controllers' are (filters run outside Spring MVC, so {@link ApiErrors} cannot answer for
 * them).
 */
final class DeviceHttp {

  private static final Pattern BEARER = Pattern.compile("Bearer ([A-Za-z0-9_-]{20,128})");

  private final ObjectMapper mapper;

  DeviceHttp(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  /** The SHA-256 of a well-formed bearer token; empty when there is none. */
  static Optional<String> tokenHash(HttpServletRequest request) {
    String header = request.getHeader(HttpHeaders.AUTHORIZATION);
    Matcher bearer = BEARER.matcher(header == null ? "" : header);
    return bearer.matches() ? Optional.of(DeviceTokens.hash(bearer.group(1))) : Optional.empty();
  }

  ObjectWriter writerFor(Class<?> type) {
    return mapper.writerFor(type);
  }

  /** Writes the body with its length (no chunked encoding for a few hundred bytes). */
  void write(HttpServletResponse response, int status, ObjectWriter writer, Object body)
      throws IOException {
    byte[] json = writer.writeValueAsBytes(body);
    response.setStatus(status);
    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
    response.setContentLength(json.length);
    response.getOutputStream().write(json);
  }

  void error(HttpServletResponse response, int status, ApiError error) throws IOException {
    if (status == HttpServletResponse.SC_UNAUTHORIZED) {
      response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
    }
    write(response, status, mapper.writerFor(ApiError.class), error);
  }

  void unauthenticated(HttpServletResponse response) throws IOException {
    error(response, HttpServletResponse.SC_UNAUTHORIZED, DeviceErrors.unauthenticated());
  }

  void storeUnavailable(HttpServletResponse response) throws IOException {
    response.setHeader(HttpHeaders.RETRY_AFTER, Integer.toString(ApiErrors.RETRY_AFTER_SECONDS));
    error(
        response,
        HttpServletResponse.SC_SERVICE_UNAVAILABLE,
        new ApiError("STORE_UNAVAILABLE", "the database is unreachable; retry later"));
  }
}
