package dev.rollout.worker.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rollout.activities.testing.Fleet;
import dev.rollout.activities.testing.FleetSpec;
import dev.rollout.worker.EngineTest;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class PrometheusEndpointIT extends EngineTest {

  @Autowired RolloutMetrics rolloutMetrics;
  @Autowired DeviceMetrics deviceMetrics;

  @Test
  void exportsTheFleetAndDeviceCountersInPrometheusFormat() throws Exception {
    Fleet.seed(dataSource, FleetSpec.of(30).withIdPrefix("metrics-").withVersion("9.8.7"));
    deviceMetrics.checkIn("UPDATE");

    rolloutMetrics.refresh();
    String body =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(url("/actuator/prometheus")).build(),
                HttpResponse.BodyHandlers.ofString())
            .body();

    assertThat(body)
        .containsPattern("rollout_fleet_devices\\{hardware_model=\"th-\\d00\",version=\"9.8.7\"}")
        .contains("rollout_device_check_ins_total{action=\"UPDATE\"} 1.0")
        .contains("rollout_device_check_in_seconds_bucket{le=\"0.025\"}");
  }
}
