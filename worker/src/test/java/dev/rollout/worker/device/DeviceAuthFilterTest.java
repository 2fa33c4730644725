package dev.rollout.worker.device;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.rollout.activities.device.CheckIns;
import dev.rollout.activities.device.DeviceRegistry;
import dev.rollout.worker.FreePorts;
import dev.rollout.worker.config.CheckInProperties;
import dev.rollout.worker.metrics.DeviceMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * The device API's filters against a database nobody listens for: what a device sees when the store
 * is down, and what is refused before the store is asked.
 */
class DeviceAuthFilterTest {

  private final HikariDataSource unreachable = pool();
  private final DeviceHttp http = new DeviceHttp(new ObjectMapper());
  private final DeviceAuthFilter auth = new DeviceAuthFilter(new DeviceRegistry(unreachable), http);
  private final CheckInEndpoint checkIn =
      new CheckInEndpoint(
          new CheckIns(unreachable),
          new CheckInIntervals(
              new CheckInProperties(Duration.ofMinutes(10), Duration.ofMinutes(1), 0.1)),
          new DeviceMetrics(new SimpleMeterRegistry()),
          http);

  private static HikariDataSource pool() {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl("jdbc:postgresql://127.0.0.1:" + FreePorts.find() + "/none");
    config.setUsername("nobody");
    config.setInitializationFailTimeout(-1);
    config.setConnectionTimeout(250);
    return new HikariDataSource(config);
  }

  /** What answers a request both filters let through. */
  private static final HttpServlet PASSED =
      new HttpServlet() {
        private static final long serialVersionUID = 1L;

        @Override
        protected void service(HttpServletRequest request, HttpServletResponse response) {
          response.setStatus(299);
        }
      };

  private static final String CHECK_IN =
      "{\"version\":\"1.0.0\",\"hardwareModel\":\"th-100\","
          + "\"localTime\":\"2026-11-28T12:00:00+01:00\"}";

  @AfterEach
  void close() {
    unreachable.close();
  }

  private MockHttpServletResponse send(String path, String authorization) throws Exception {
    return send("POST", path, authorization);
  }

  // both filters in the order the engine registers them
  private MockHttpServletResponse send(String method, String path, String authorization)
      throws Exception {
    MockHttpServletRequest request = new MockHttpServletRequest(method, path);
    if (authorization != null) {
      request.addHeader("Authorization", authorization);
    }
    request.setContent(CHECK_IN.getBytes(StandardCharsets.UTF_8));
    MockHttpServletResponse response = new MockHttpServletResponse();
    new MockFilterChain(PASSED, checkIn, auth).doFilter(request, response);
    return response;
  }

  @Test
  void storeDownIsServiceUnavailableWithRetryAfter() throws Exception {
    MockHttpServletResponse response =
        send("/device/v1/devices/d-1/events", "Bearer " + "a".repeat(43));
    assertThat(response.getStatus()).isEqualTo(503);
    assertThat(response.getHeader("Retry-After")).isEqualTo("5");
    assertThat(response.getContentAsString()).contains("\"code\":\"STORE_UNAVAILABLE\"");
  }

  @Test
  void malformedHeaderIsRefusedWithoutAskingTheStore() throws Exception {
    for (String header :
        new String[] {null, "Basic abc", "Bearer short", "Bearer " + "é".repeat(43)}) {
      MockHttpServletResponse response = send("/device/v1/devices/d-1/events", header);
      assertThat(response.getStatus()).as(String.valueOf(header)).isEqualTo(401);
      assertThat(response.getHeader("WWW-Authenticate")).isEqualTo("Bearer");
      assertThat(response.getContentAsString()).contains("\"code\":\"UNAUTHENTICATED\"");
    }
  }

  @Test
  void checkInWithTheStoreDownIsServiceUnavailableWithRetryAfter() throws Exception {
    MockHttpServletResponse response =
        send("/device/v1/devices/d-1/check-in", "Bearer " + "b".repeat(43));
    assertThat(response.getStatus()).isEqualTo(503);
    assertThat(response.getHeader("Retry-After")).isEqualTo("5");
    assertThat(response.getContentAsString()).contains("\"code\":\"STORE_UNAVAILABLE\"");
  }

  @Test
  void checkInWithoutAWellFormedTokenIsRefusedWithoutAskingTheStore() throws Exception {
    MockHttpServletResponse response = send("/device/v1/devices/d-1/check-in", "Bearer short");
    assertThat(response.getStatus()).isEqualTo(401);
    assertThat(response.getHeader("WWW-Authenticate")).isEqualTo("Bearer");
  }

  @Test
  void checkInOnlyTakesPost() throws Exception {
    MockHttpServletResponse response =
        send("GET", "/device/v1/devices/d-1/check-in", "Bearer " + "b".repeat(43));
    assertThat(response.getStatus()).isEqualTo(405);
    assertThat(response.getContentAsString()).contains("\"code\":\"METHOD_NOT_ALLOWED\"");
  }
}
