package dev.rollout.worker.device;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.rollout.activities.device.DeviceRegistry;
import dev.rollout.worker.FreePorts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** The filter against a database nobody listens for: what a device sees when the store is down. */
class DeviceAuthFilterTest {

  private final HikariDataSource unreachable = pool();
  private final DeviceAuthFilter filter =
      new DeviceAuthFilter(new DeviceRegistry(unreachable), new ObjectMapper());

  private static HikariDataSource pool() {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl("jdbc:postgresql://127.0.0.1:" + FreePorts.find() + "/none");
    config.setUsername("nobody");
    config.setInitializationFailTimeout(-1);
    config.setConnectionTimeout(250);
    return new HikariDataSource(config);
  }

  @AfterEach
  void close() {
    unreachable.close();
  }

  private MockHttpServletResponse send(String path, String authorization) throws Exception {
    MockHttpServletRequest request = new MockHttpServletRequest("POST", path);
    if (authorization != null) {
      request.addHeader("Authorization", authorization);
    }
    MockHttpServletResponse response = new MockHttpServletResponse();
    MockFilterChain chain = new MockFilterChain();
    filter.doFilter(request, response, chain);
    if (chain.getRequest() != null) {
      response.setStatus(299);
    }
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
  void checkInsPassWithTheTokenHashForTheirOwnLookup() throws Exception {
    MockHttpServletResponse response =
        send("/device/v1/devices/d-1/check-in", "Bearer " + "b".repeat(43));
    assertThat(response.getStatus()).isEqualTo(299);
  }
}
