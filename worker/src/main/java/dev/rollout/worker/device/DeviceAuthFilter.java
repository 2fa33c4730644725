package dev.rollout.worker.device;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rollout.activities.device.DeviceRegistry;
import dev.rollout.activities.device.DeviceTokens;
import dev.rollout.worker.web.ApiError;
import dev.rollout.worker.web.ApiErrors;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates devices (docs/device-api.md, Authentication): the bearer token's SHA-256 names the
 * device, which must be the one in the path. Check-ins skip the lookup here: their one statement
 * finds the device by the same hash, so the hot path stays one round trip.
 */
final class DeviceAuthFilter extends OncePerRequestFilter {

  static final String TOKEN_HASH = DeviceAuthFilter.class.getName() + ".tokenHash";
  static final String DEVICE_ID = DeviceAuthFilter.class.getName() + ".deviceId";

  private static final Pattern BEARER = Pattern.compile("Bearer ([A-Za-z0-9_-]{20,128})");
  private static final Pattern DEVICE_PATH = Pattern.compile("/device/v1/devices/([^/]+)/(.+)");

  private final DeviceRegistry registry;
  private final ObjectMapper mapper;

  DeviceAuthFilter(DeviceRegistry registry, ObjectMapper mapper) {
    this.registry = registry;
    this.mapper = mapper;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String header = request.getHeader(HttpHeaders.AUTHORIZATION);
    Matcher bearer = BEARER.matcher(header == null ? "" : header);
    if (!bearer.matches()) {
      unauthenticated(response);
      return;
    }
    String tokenHash = DeviceTokens.hash(bearer.group(1));
    request.setAttribute(TOKEN_HASH, tokenHash);
    Matcher path = DEVICE_PATH.matcher(request.getRequestURI());
    if (path.matches() && path.group(2).equals("check-in")) {
      chain.doFilter(request, response);
      return;
    }
    Optional<String> device;
    try {
      device = registry.deviceOf(tokenHash);
    } catch (RuntimeException e) {
      if (ApiErrors.storeUnreachable(e)) {
        storeUnavailable(response);
        return;
      }
      throw e;
    }
    if (device.isEmpty()) {
      unauthenticated(response);
    } else if (path.matches() && !path.group(1).equals(device.get())) {
      write(response, HttpServletResponse.SC_FORBIDDEN, DeviceErrors.notThisDevice());
    } else {
      request.setAttribute(DEVICE_ID, device.get());
      chain.doFilter(request, response);
    }
  }

  private void unauthenticated(HttpServletResponse response) throws IOException {
    response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
    write(response, HttpServletResponse.SC_UNAUTHORIZED, DeviceErrors.unauthenticated());
  }

  private void storeUnavailable(HttpServletResponse response) throws IOException {
    response.setHeader(HttpHeaders.RETRY_AFTER, Integer.toString(ApiErrors.RETRY_AFTER_SECONDS));
    write(
        response,
        HttpServletResponse.SC_SERVICE_UNAVAILABLE,
        new ApiError("STORE_UNAVAILABLE", "the database is unreachable; retry later"));
  }

  // Filters run outside the controllers, so ApiErrors cannot answer for them; same body shape.
  private void write(HttpServletResponse response, int status, ApiError error) throws IOException {
    response.setStatus(status);
    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
    mapper.writeValue(response.getOutputStream(), error);
  }
}
