package dev.rollout.worker;

import static org.assertj.core.api.Assertions.assertThat;

import io.temporal.api.workflowservice.v1.DescribeNamespaceRequest;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.worker.WorkerFactory;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The engine boots with nothing configured: embedded Temporal and PostgreSQL, worker polling. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
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
}
