package dev.rollout.worker;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rollout.activities.testing.Fleet;
import dev.rollout.activities.testing.FleetSpec;
import dev.rollout.activities.testing.Outcomes;
import dev.rollout.activities.testing.Releases;
import dev.rollout.workflows.rollout.PhaseState;
import dev.rollout.workflows.rollout.PhaseStatus;
import dev.rollout.workflows.rollout.RolloutState;
import dev.rollout.workflows.rollout.RolloutStatus;
import io.temporal.api.workflowservice.v1.DescribeNamespaceRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.common.SearchAttributeKey;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.worker.WorkerFactory;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The engine boots with nothing configured: embedded Temporal and PostgreSQL, worker polling. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
// close the engine after the class, before the temporary data directory goes: otherwise the cached
// context stops PostgreSQL only at JVM exit, from a directory already deleted, and it lives on
@DirtiesContext
class RolloutApplicationIT {

  @TempDir static Path dataDir;

  private static final int TEMPORAL_PORT = FreePorts.find();

  @DynamicPropertySource
  static void embeddedServersOnFreePorts(DynamicPropertyRegistry properties) {
    properties.add("rollout.data-dir", dataDir::toString);
    properties.add("rollout.temporal.embedded.port", () -> TEMPORAL_PORT);
    properties.add("rollout.db.embedded.port", FreePorts::find);
  }

  @Autowired TestRestTemplate http;
  @Autowired WorkerFactory workerFactory;
  @Autowired DataSource dataSource;

  @Test
  void reportsUpWithTemporalAndDatabaseHealthy() {
    String health = http.getForObject("/actuator/health", String.class);

    assertThat(health)
        .startsWith("{\"status\":\"UP\"")
        .contains("\"temporal\":{\"status\":\"UP\"", "\"database\":{\"status\":\"UP\"");
  }

  @Test
  void aSeparateTemporalClientConnectsToTheEmbeddedServer() {
    WorkflowServiceStubs client =
        WorkflowServiceStubs.newServiceStubs(
            WorkflowServiceStubsOptions.newBuilder()
                .setTarget("127.0.0.1:" + TEMPORAL_PORT)
                .build());
    try {
      var namespace =
          client
              .blockingStub()
              .describeNamespace(
                  DescribeNamespaceRequest.newBuilder().setNamespace("default").build());
      assertThat(namespace.getNamespaceInfo().getName()).isEqualTo("default");
    } finally {
      client.shutdownNow();
    }
  }

  @Test
  void theWorkerIsPollingAndTheSchemaIsMigrated() throws Exception {
    assertThat(workerFactory.isStarted()).isTrue();
    assertThat(workerFactory.getWorker("rollouts")).isNotNull();
    try (Connection connection = dataSource.getConnection();
        ResultSet tables =
            connection.getMetaData().getTables(null, "public", "flyway_schema_history", null)) {
      assertThat(tables.next()).isTrue();
    }
    assertThat(dataDir.resolve("postgres/PG_VERSION")).exists();
  }

  /**
   * The demo path in miniature: a rollout started the way the Temporal UI starts one (workflow
   * type, task queue, raw JSON input) over the network, against the running engine, with devices
   * answering by writing their outcomes into the store, runs its four phases to COMPLETED in real
   * time, and the server's search attributes follow it.
   */
  @Test
  void runsARolloutStartedTheTemporalUiWayToCompletion() throws Exception {
    Releases.register(dataSource, "2.4.0", "th-100", "th-200");
    Fleet.seed(dataSource, FleetSpec.of(500).withIdPrefix("e2e-").withTagEvery(10, 5));
    WorkflowServiceStubs service =
        WorkflowServiceStubs.newServiceStubs(
            WorkflowServiceStubsOptions.newBuilder()
                .setTarget("127.0.0.1:" + TEMPORAL_PORT)
                .build());
    ScheduledExecutorService devices = Executors.newSingleThreadScheduledExecutor();
    try {
      WorkflowClient client = WorkflowClient.newInstance(service);
      WorkflowStub rollout =
          client.newUntypedWorkflowStub(
              "Rollout",
              WorkflowOptions.newBuilder()
                  .setWorkflowId("rollout-e2e")
                  .setTaskQueue("rollouts")
                  .build());
      rollout.start(new ObjectMapper().readTree(E2E_INPUT));
      devices.scheduleWithFixedDelay(
          () -> {
            for (int phase = 0; phase < 4; phase++) {
              Outcomes.complete(dataSource, "rollout-e2e", phase, 10_000, 0);
            }
          },
          0,
          200,
          TimeUnit.MILLISECONDS);

      RolloutStatus done = rollout.getResult(60, TimeUnit.SECONDS, RolloutStatus.class);

      assertThat(done.state()).isEqualTo(RolloutState.COMPLETED);
      assertThat(done.phases()).extracting(PhaseStatus::state).containsOnly(PhaseState.PASSED);
      var attributes =
          rollout
              .describe()
              .getTypedSearchAttributes()
              .get(SearchAttributeKey.forKeyword("RolloutState"));
      assertThat(attributes).isEqualTo("COMPLETED");
    } finally {
      devices.shutdownNow();
      service.shutdownNow();
    }
  }

  private static final String E2E_INPUT =
      """
      {"requestedBy": "temporal-ui", "plan": {
        "apiVersion": "rollout/v1", "name": "e2e", "release": "2.4.0",
        "window": {"closesAfter": "1h"},
        "phases": [
          {"name": "internal", "cohort": {"tags": {"internal": "true"}, "percent": 10}, "soak": "1s",
           "gate": {"minDevices": 1, "successRate": 0.5}},
          {"name": "low-risk", "cohort": {"tags": {"segment": "low-risk"}, "percent": 20}, "soak": "1s",
           "gate": {"minDevices": 1, "successRate": 0.5}},
          {"name": "quarter", "cohort": {"percent": 25}, "soak": "1s",
           "gate": {"minDevices": 1, "successRate": 0.5}},
          {"name": "everyone", "cohort": {"percent": 100}, "soak": "1s",
           "gate": {"minDevices": 1, "successRate": 0.5}}]}}
      """;
}
