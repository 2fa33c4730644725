package dev.rollout.worker.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.rollout.activities.store.Jdbc;
import dev.rollout.activities.testing.Fleet;
import dev.rollout.activities.testing.FleetSpec;
import dev.rollout.activities.testing.Outcomes;
import dev.rollout.activities.testing.Releases;
import dev.rollout.activities.testing.TestDatabase;
import dev.rollout.worker.FreePorts;
import dev.rollout.workflows.rollout.RolloutState;
import dev.rollout.workflows.rollout.RolloutStatus;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Workers die with SIGKILL at the worst moments of a rollout, and a new one takes over. The
 * Temporal test server runs standalone in its own process (our launcher, whose sticky-queue bypass
 * lets a replacement worker take over), each worker in another, PostgreSQL in this JVM; devices are
 * simulated by writing their outcomes into the store. Every rollout must end exactly as an
 * undisturbed run ends: each phase assigned exactly its target, nobody twice, every device
 * accounted for, a pause still a pause. (A kill in the middle of a rollback is not covered yet.)
 */
class WorkerCrashIT {

  private static final String COMPLETE = "rollout-crash-complete";
  private static final Duration SOON = Duration.ofSeconds(120);

  @TempDir static Path dataDir;

  private static final int TEMPORAL_PORT = FreePorts.find();
  private static DataSource db;
  private static EngineProcess temporal;
  private static WorkflowServiceStubs service;
  private static WorkflowClient client;
  private static final ScheduledExecutorService devices =
      Executors.newSingleThreadScheduledExecutor();

  private EngineProcess worker;
  private int workers;

  @AfterEach
  void stopWorker() {
    if (worker != null) {
      worker.close();
    }
  }

  @BeforeAll
  static void startTemporalAndTheStore() throws Exception {
    db = TestDatabase.dataSource();
    TestDatabase.reset();
    Releases.register(db, "2.4.0", "th-100", "th-200");
    Fleet.seed(db, FleetSpec.of(600).withIdPrefix("crash-"));
    temporal =
        EngineProcess.start(
            "temporal-server", Map.of(), "temporal-server", "--port", "" + TEMPORAL_PORT);
    temporal.awaitLog("Temporal server listening", SOON);
    service =
        WorkflowServiceStubs.newServiceStubs(
            WorkflowServiceStubsOptions.newBuilder()
                .setTarget("127.0.0.1:" + TEMPORAL_PORT)
                .build());
    client = WorkflowClient.newInstance(service);
    devices.scheduleWithFixedDelay(WorkerCrashIT::devicesAct, 0, 250, TimeUnit.MILLISECONDS);
  }

  @AfterAll
  static void stopEverything() throws Exception {
    devices.shutdownNow();
    if (service != null) {
      service.shutdownNow();
    }
    if (temporal != null) {
      temporal.close();
    }
  }

  /** Every offered device updates at once. */
  private static void devicesAct() {
    for (int phase = 0; phase < 3; phase++) {
      Outcomes.complete(db, COMPLETE, phase, 100_000, 0);
    }
  }

  @Test
  void aRolloutKilledMidDispatchMidSoakAndWhilePausedEndsAsAnUndisturbedOne() throws Exception {
    startWorker();
    WorkflowStub rollout = start(COMPLETE, "crash-complete");

    await(
        "phase 2 half dispatched",
        () -> assigned(COMPLETE, 1) > 0 && assigned(COMPLETE, 1) < target(COMPLETE, 1));
    killAndReplaceWorker(); // mid-dispatch: the phase's next wave waits on a durable timer
    await("phase 2 soaking", () -> assigned(COMPLETE, 1) == target(COMPLETE, 1));
    killAndReplaceWorker(); // mid-soak: a durable timer and a gate measurement are pending
    await("phase 3 started", () -> assigned(COMPLETE, 2) > 0);
    rollout.signal("pause", Map.of("reason", "crash test", "by", "test"));
    await("paused in the store", () -> "PAUSED".equals(state(COMPLETE)));
    long assignedWhilePaused = assignedTotal(COMPLETE);
    killAndReplaceWorker(); // while paused
    Thread.sleep(5_000);
    assertThat(state(COMPLETE)).isEqualTo("PAUSED");
    assertThat(rollout.query("status", RolloutStatus.class).state()).isEqualTo(RolloutState.PAUSED);
    assertThat(assignedTotal(COMPLETE)).isEqualTo(assignedWhilePaused);
    rollout.signal("resume", Map.of("reason", "crash test over", "by", "test"));

    RolloutStatus done = rollout.getResult(120, TimeUnit.SECONDS, RolloutStatus.class);

    assertThat(done.state()).isEqualTo(RolloutState.COMPLETED);
    for (int phase = 0; phase < 3; phase++) {
      assertThat(assigned(COMPLETE, phase))
          .as("phase %d", phase)
          .isEqualTo(target(COMPLETE, phase));
    }
    assertThat(assignedTotal(COMPLETE)).isEqualTo(600);
    assertThat(
            count(
                "SELECT count(*) FROM assignments WHERE rollout_id = ? AND outcome <> 'SUCCEEDED'",
                COMPLETE))
        .isZero();
    assertThat(workers).isEqualTo(4);
  }

  private WorkflowStub start(String workflowId, String name) throws Exception {
    WorkflowStub rollout =
        client.newUntypedWorkflowStub(
            "Rollout",
            WorkflowOptions.newBuilder()
                .setWorkflowId(workflowId)
                .setTaskQueue("rollouts")
                .build());
    rollout.start(input(name));
    return rollout;
  }

  private static JsonNode input(String name) throws Exception {
    JsonNode plan =
        new YAMLMapper()
            .readTree(
                """
                apiVersion: rollout/v1
                name: %s
                release: 2.4.0
                rate: {maxPerMinute: 150}
                window: {closesAfter: 1h}
                phases:
                  - {name: first, cohort: {percent: 10}, soak: 6s, gate: {minDevices: 10, successRate: 0.9}}
                  - {name: half, cohort: {percent: 50}, soak: 8s, gate: {minDevices: 10, successRate: 0.9}}
                  - {name: all, cohort: {percent: 100}, soak: 6s, gate: {minDevices: 10, successRate: 0.9}}
                rollback: {auto: false}
                """
                    .formatted(name));
    var input = new ObjectMapper().createObjectNode();
    input.set("plan", plan);
    input.put("requestedBy", "crash-test");
    return input;
  }

  private void startWorker() throws InterruptedException {
    int httpPort = FreePorts.find();
    workers++;
    worker =
        EngineProcess.start(
            "worker-" + workers + "-" + System.nanoTime(),
            Map.of(
                "TEMPORAL_ADDRESS",
                "127.0.0.1:" + TEMPORAL_PORT,
                "ROLLOUT_DB_URL",
                TestDatabase.jdbcUrl(),
                "ROLLOUT_DB_USER",
                "postgres",
                "ROLLOUT_DB_PASSWORD",
                "postgres",
                "ROLLOUT_HTTP_PORT",
                "" + httpPort,
                "ROLLOUT_DATA_DIR",
                dataDir.resolve("worker-" + workers).toString()),
            "server");
    worker.awaitHealthy(httpPort, SOON);
  }

  private void killAndReplaceWorker() throws InterruptedException {
    worker.kill();
    startWorker();
  }

  private static void await(String what, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + SOON.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting for: " + what);
      }
      Thread.sleep(50);
    }
  }

  private static long assigned(String rollout, int phase) {
    return count(
        "SELECT count(*) FROM assignments WHERE rollout_id = ? AND phase = " + phase, rollout);
  }

  private static long assignedTotal(String rollout) {
    return count("SELECT count(*) FROM assignments WHERE rollout_id = ?", rollout);
  }

  /** Devices the phase adds: its cumulative target less the previous phase's (one population). */
  private static long target(String rollout, int phase) {
    String sql =
        "SELECT coalesce(max(target), 0) FROM rollout_phases WHERE rollout_id = ? AND phase = ?";
    return count(sql, rollout, phase) - (phase == 0 ? 0 : count(sql, rollout, phase - 1));
  }

  private static String state(String rollout) {
    return Jdbc.inTransaction(
        db,
        connection ->
            Jdbc.query(
                    connection,
                    "SELECT state FROM rollouts WHERE id = ?",
                    row -> row.getString(1),
                    rollout)
                .stream()
                .findFirst()
                .orElse(null));
  }

  private static long count(String sql, Object... params) {
    return Jdbc.inTransaction(db, connection -> Jdbc.queryLong(connection, sql, params));
  }
}
