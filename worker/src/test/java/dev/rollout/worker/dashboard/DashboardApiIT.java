package dev.rollout.worker.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rollout.activities.store.Jdbc;
import dev.rollout.worker.EngineTest;
import io.temporal.client.WorkflowClient;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** {@code GET /mgmt/v1/dashboard} over real HTTP against the running engine. */
class DashboardApiIT extends EngineTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired WorkflowClient client;

  @Test
  void showsARunningRolloutWithItsCohortsAndTheWorkflowsGateVerdicts() throws Exception {
    String id = DashboardScenario.start(client, dataSource, "dash-api", "3.2.0");

    JsonNode rollout =
        await()
            .atMost(Duration.ofSeconds(30))
            .until(() -> rollout(dashboard(), id), r -> r != null && deferred(r) == 5);

    assertThat(rollout.path("source").asText()).isEqualTo("workflow");
    assertThat(rollout.path("state").asText()).isEqualTo("RUNNING");
    assertThat(rollout.path("currentPhase").asText()).isEqualTo("everyone");
    JsonNode canary = rollout.path("phases").get(0);
    JsonNode everyone = rollout.path("phases").get(1);
    assertThat(canary.path("state").asText()).isEqualTo("PASSED");
    assertThat(canary.path("gate").path("verdict").asText()).isEqualTo("PASS");
    assertThat(canary.path("gate").path("inputs").size()).isPositive();
    assertThat(canary.path("outcomes").path("SUCCEEDED").asLong()).isEqualTo(20);
    assertThat(everyone.path("state").asText()).isEqualTo("ACTIVE");
    assertThat(everyone.path("assigned").asLong()).isEqualTo(80);
    assertThat(everyone.path("healthy").asLong()).isEqualTo(40);
    assertThat(everyone.path("failures").get(0).path("reason").asText())
        .isEqualTo("INSTALL_FAILED");
    assertThat(everyone.path("failures").get(0).path("devices").asLong()).isEqualTo(6);
    assertThat(everyone.path("downloadMs").path("p90Ms").asDouble()).isEqualTo(60_000.0);
    assertThat(rollout.path("audit").size()).isPositive();
    JsonNode support = dashboard().path("support");
    assertThat(support.path("cases").findValuesAsText("rolloutId")).contains(id);
    assertThat(support.path("cases").findValuesAsText("reason")).contains("MAX_ATTEMPTS");
    // the fleet is read again at most every 15 s
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofSeconds(1))
        .until(
            () -> dashboard().path("fleet").path("cells").findValuesAsText("hardwareModel"),
            models -> models.contains("dash-api-a") && models.contains("dash-api-b"));
  }

  @Test
  void fallsBackToTheStoreWhenTheWorkflowDoesNotAnswer() throws Exception {
    update(
        "INSERT INTO rollouts (id, plan_name, plan, release, state, current_phase, paused_reason,"
            + " paused_by, paused_at, started_at, updated_at) VALUES ('dash-orphan', 'orphan',"
            + " '{}', '7.3.0', 'PAUSED', 1, 'looking into it', 'bob', now(), now(), now())");
    update(
        "INSERT INTO rollout_phases (rollout_id, phase, name, population, target) VALUES"
            + " ('dash-orphan', 0, 'first', 10, 1), ('dash-orphan', 1, 'second', 10, 10),"
            + " ('dash-orphan', 2, 'third', 10, 10)");
    update(
        "INSERT INTO audit (rollout_id, at, event, actor, detail)"
            + " VALUES ('dash-orphan', now(), 'STATE PAUSED', 'bob', 'looking into it')");

    JsonNode rollout =
        await()
            .atMost(Duration.ofSeconds(30))
            .until(() -> rollout(dashboard(), "dash-orphan"), r -> r != null);

    assertThat(rollout.path("source").asText()).isEqualTo("store");
    assertThat(rollout.path("state").asText()).isEqualTo("PAUSED");
    assertThat(rollout.path("currentPhase").asText()).isEqualTo("second");
    assertThat(rollout.path("pause").path("by").asText()).isEqualTo("bob");
    assertThat(rollout.path("phases").findValuesAsText("state"))
        .containsExactly("PASSED", "ACTIVE", "PENDING");
    assertThat(rollout.path("audit").get(0).path("event").asText()).isEqualTo("STATE PAUSED");
  }

  @Test
  void servesThePageAndItsChartLibraryLocally() throws Exception {
    HttpResponse<String> page = get("/dashboard/");
    HttpResponse<String> chart = get("/webjars/chart.js/4.5.1/dist/chart.umd.min.js");

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("<canvas id=\"fleet-chart\"");
    assertThat(chart.statusCode()).isEqualTo(200);
    assertThat(page.body()).doesNotContain("https://", "http://");
  }

  private JsonNode dashboard() throws Exception {
    HttpResponse<String> response = get("/mgmt/v1/dashboard");
    assertThat(response.statusCode()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  private HttpResponse<String> get(String path) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(url(path))
                .header("Authorization", "Bearer " + adminToken())
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode rollout(JsonNode dashboard, String id) {
    return StreamSupport.stream(dashboard.path("rollouts").spliterator(), false)
        .filter(r -> r.path("id").asText().equals(id))
        .findFirst()
        .orElse(null);
  }

  private static long deferred(JsonNode rollout) {
    return rollout.path("phases").path(1).path("outcomes").path("DEFERRED").asLong();
  }

  private void update(String sql) {
    Jdbc.inTransaction(dataSource, c -> Jdbc.update(c, sql));
  }
}
