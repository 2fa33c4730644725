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
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
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
 * accounted for, a pause still a pause, a rollback carried to the end.
 */
class WorkerCrashIT {

  private static final String COMPLETE = "rollout-crash-complete";
  private static final String ROLLBACK = "rollout-crash-rollback";
  private static final String COMPLETE_REGIONS = "[eu-west, us-east]";
  private static final String ROLLBACK_REGIONS = "[ap-south]";
  private static final Duration SOON = Duration.ofSeconds(120);

  @TempDir static Path dataDir;

  private static final int TEMPORAL_PORT = FreePorts.find();
  private static DataSource db;
  private static EngineProcess temporal;
  private static WorkflowServiceStubs service;
  private static WorkflowClient client;
  private static final ScheduledExecutorService devices =
      Executors.newSingleThreadScheduledExecutor();

  // the rollback test's devices: they update until the rollback, then roll back the phases allowed
  private static final Object rollbackDevices = new Object();
  private static boolean rollingBack;
  private static final Set<Integer> mayRollBack = ConcurrentHashMap.newKeySet();

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
    Fleet.seed(db, FleetSpec.of(300).withIdPrefix("crash-rb-").withRegions("ap-south"));
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

  /** Every offered device updates at once; offered a rollback, it rolls back when allowed. */
  private static void devicesAct() {
    for (int phase = 0; phase < 3; phase++) {
      Outcomes.complete(db, COMPLETE, phase, 100_000, 0);
    }
    synchronized (rollbackDevices) {
      for (int phase = 0; phase < 3; phase++) {
        if (!rollingBack) {
          Outcomes.complete(db, ROLLBACK, phase, 100_000, 0);
        } else if (mayRollBack.contains(phase)) {
          Outcomes.rollBackOffered(db, ROLLBACK, phase, 100_000, 0);
        }
      }
    }
  }

  @Test
  void aRolloutKilledMidDispatchMidSoakAndWhilePausedEndsAsAnUndisturbedOne() throws Exception {
    startWorker();
    WorkflowStub rollout = start(COMPLETE, "crash-complete", COMPLETE_REGIONS);

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

  /**
   * Rollback offers are made by the saga in the store, newest phase first, and polled every minute
   * until the phase's devices report back; a kill while offers are outstanding (in the last phase,
   * then in the first) must neither lose an offer nor make one twice.
   */
  @Test
  void aRollbackKilledWhileOffersAreOutstandingRollsBackEveryUpdatedDeviceOnce() throws Exception {
    startWorker();
    WorkflowStub rollout = start(ROLLBACK, "crash-rollback", ROLLBACK_REGIONS);
    await("phase 2 fully updated", () -> updated(ROLLBACK, 1) == target(ROLLBACK, 1));
    synchronized (rollbackDevices) {
      rollingBack = true; // from now on nobody updates: the updated set is final
    }
    Map<Integer, Long> updatedBefore = Map.of(0, updated(ROLLBACK, 0), 1, updated(ROLLBACK, 1));
    long assignedBefore = assignedTotal(ROLLBACK);
    rollout.signal("rollback", Map.of("reason", "crash test", "by", "test"));

    await("phase 2 offered its rollback", () -> offered(ROLLBACK, 1) == updatedBefore.get(1));
    killAndReplaceWorker(); // mid-rollback: the saga waits for phase 2's devices
    mayRollBack.add(1);
    await("phase 1 offered its rollback", () -> offered(ROLLBACK, 0) == updatedBefore.get(0));
    killAndReplaceWorker(); // mid-rollback again, one phase further
    mayRollBack.add(0);

    RolloutStatus done = rollout.getResult(240, TimeUnit.SECONDS, RolloutStatus.class);

    assertThat(done.state()).isEqualTo(RolloutState.ROLLED_BACK);
    for (int phase : List.of(0, 1)) {
      assertThat(
              count(
                  "SELECT count(*) FROM assignments WHERE rollout_id = ? AND phase = ?"
                      + " AND outcome = 'ROLLED_BACK' AND rollback_state = 'DONE'",
                  ROLLBACK,
                  phase))
          .as("phase %d rolled back", phase)
          .isEqualTo(updatedBefore.get(phase));
    }
    assertThat(
            count(
                "SELECT count(*) FROM assignments WHERE rollout_id = ?"
                    + " AND (outcome IN ('SUCCEEDED', 'PENDING', 'DEFERRED', 'IN_PROGRESS')"
                    + " OR rollback_state IN ('OFFERED', 'FAILED'))",
                ROLLBACK))
        .as("devices left updated, pending or offered")
        .isZero();
    assertThat(assignedTotal(ROLLBACK)).isEqualTo(assignedBefore);
    assertThat(workers).isEqualTo(3);
  }

  private WorkflowStub start(String workflowId, String name, String regions) throws Exception {
    WorkflowStub rollout =
        client.newUntypedWorkflowStub(
            "Rollout",
            WorkflowOptions.newBuilder()
                .setWorkflowId(workflowId)
                .setTaskQueue("rollouts")
                .build());
    rollout.start(input(name, regions));
    return rollout;
  }

  private static JsonNode input(String name, String regions) throws Exception {
    JsonNode plan =
        new YAMLMapper()
            .readTree(
                """
                apiVersion: rollout/v1
                name: %s
                release: 2.4.0
                target: {regions: %s}
                rate: {maxPerMinute: 150}
                window: {closesAfter: 1h}
                phases:
                  - {name: first, cohort: {percent: 10}, soak: 6s, gate: {minDevices: 10, successRate: 0.9}}
                  - {name: half, cohort: {percent: 50}, soak: 8s, gate: {minDevices: 10, successRate: 0.9}}
                  - {name: all, cohort: {percent: 100}, soak: 6s, gate: {minDevices: 10, successRate: 0.9}}
                rollback: {auto: false}
                """
                    .formatted(name, regions));
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

  private static long updated(String rollout, int phase) {
    return count(
        "SELECT count(*) FROM assignments WHERE rollout_id = ? AND phase = "
            + phase
            + " AND outcome = 'SUCCEEDED'",
        rollout);
  }

  private static long offered(String rollout, int phase) {
    return count(
        "SELECT count(*) FROM assignments WHERE rollout_id = ? AND phase = "
            + phase
            + " AND rollback_state IS NOT NULL",
        rollout);
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
