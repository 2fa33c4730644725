package dev.rollout.worker.device;

import dev.rollout.activities.device.DeviceRegistry;
import dev.rollout.worker.web.ApiErrors;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates devices (docs/device-api.md, Authentication): the bearer token's SHA-256 names the
 * device, which must be the one in the path. The check-in never gets here: {@link CheckInEndpoint}
 * answers it first, finding the device by the same hash in its own statement.
 */
final class DeviceAuthFilter extends OncePerRequestFilter {

  static final String DEVICE_ID = DeviceAuthFilter.class.getName() + ".deviceId";

  private static final Pattern DEVICE_PATH = Pattern.compile("/device/v1/devices/([^/]+)/(.+)");

  private final DeviceRegistry registry;
  private final DeviceHttp http;

  DeviceAuthFilter(DeviceRegistry registry, DeviceHttp http) {
    this.registry = registry;
    this.http = http;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Optional<String> tokenHash = DeviceHttp.tokenHash(request);
    if (tokenHash.isEmpty()) {
      http.unauthenticated(response);
      return;
    }
    Optional<String> device;
    try {
      device = registry.deviceOf(tokenHash.get());
    } catch (RuntimeException e) {
      if (ApiErrors.storeUnreachable(e)) {
        http.storeUnavailable(response);
        return;
      }
      throw e;
    }
    Matcher path = DEVICE_PATH.matcher(request.getRequestURI());
    if (device.isEmpty()) {
      http.unauthenticated(response);
    } else if (path.matches() && !path.group(1).equals(device.get())) {
      http.error(response, HttpServletResponse.SC_FORBIDDEN, DeviceErrors.notThisDevice());
    } else {
      request.setAttribute(DEVICE_ID, device.get());
      chain.doFilter(request, response);
    }
  }
}
