package dev.rollout.activities.rollout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.rollout.activities.rollout.SimulatedFleet.Behaviour;
import dev.rollout.activities.store.Jdbc;
import dev.rollout.activities.testing.Fleet;
import dev.rollout.activities.testing.FleetSpec;
import dev.rollout.activities.testing.Releases;
import dev.rollout.activities.testing.TestDatabase;
import dev.rollout.workflows.rollout.AuditEntry;
import dev.rollout.workflows.rollout.PhaseState;
import dev.rollout.workflows.rollout.PhaseStatus;
import dev.rollout.workflows.rollout.RolloutFailures;
import dev.rollout.workflows.rollout.RolloutState;
import dev.rollout.workflows.rollout.RolloutStatus;
import dev.rollout.workflows.rollout.RolloutTuning;
import dev.rollout.workflows.rollout.RolloutWorkflow;
import dev.rollout.workflows.rollout.RolloutWorkflowImpl;
import dev.rollout.workflows.rollout.VisibilityActivities;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Rollout workflow end to end in Temporal's time-skipping environment, with the real activities
 * over a real PostgreSQL and devices simulated by writing their outcomes into the store.
 */
class RolloutWorkflowIT {

  static final String ID = "rollout-thermostat-2-4-0";

  /** 200 internal devices, 400 low-risk ones. */
  static final FleetSpec FLEET = FleetSpec.of(2000).withTagEvery(10, 5);

  static final ObjectMapper JSON = new ObjectMapper();

  private final DataSource db = TestDatabase.dataSource();
  private SimulatedFleet fleet;
  private TestWorkflowEnvironment env;
  private WorkflowClient client;

  @BeforeEach
  void start() {
    start(RolloutTuning.DEFAULT);
  }

  private void start(RolloutTuning tuning) {
    TestDatabase.reset();
    Releases.register(db, "2.4.0", "th-100", "th-200");
    fleet = new SimulatedFleet(new RolloutActivitiesImpl(db), db);
    env = TestWorkflowEnvironment.newInstance();
    Worker worker = env.newWorker(RolloutWorkflow.TASK_QUEUE);
    RolloutWorkflowImpl.register(worker, tuning);
    worker.registerActivitiesImplementations(fleet, new NoSearchAttributes());
    env.start();
    client = env.getWorkflowClient();
  }

  @AfterEach
  void stop() {
    env.close();
  }

  @Test
  void completesTheFourPhasesAndAssignsEachCohort() throws Exception {
    Fleet.seed(db, FLEET);

    RolloutStatus done = start(plan()).getResult(RolloutStatus.class);

    assertThat(done.state()).isEqualTo(RolloutState.COMPLETED);
    assertThat(done.phases()).extracting(PhaseStatus::state).containsOnly(PhaseState.PASSED);
    assertThat(done.phases())
        .extracting(PhaseStatus::target)
        .containsExactly(20L, 80L, 500L, 2000L);
    assertThat(count("SELECT count(*) FROM assignments WHERE rollout_id = ?")).isEqualTo(2000);
    assertThat(
            count(
                "SELECT count(*) FROM assignments WHERE rollout_id = ? AND outcome = 'SUCCEEDED'"))
        .isEqualTo(2000);
    assertThat(storedState()).isEqualTo("COMPLETED");
  }

  @Test
  void pausesWhenAGateFailsAndCompletesAfterResume() throws Exception {
    Fleet.seed(db, FLEET);
    fleet.phase(1, new Behaviour(0.5, 0, 0));
    ObjectNode plan = plan();
    plan.putObject("rollback").put("failureRate", 0.5); // the phase's gate stops it, not the brake
    WorkflowStub rollout = start(plan);
    awaitState(rollout, RolloutState.PAUSED);

    RolloutStatus paused = status(rollout);
    assertThat(paused.pause().reason()).startsWith("gate failed in phase low-risk");
    assertThat(paused.phases().get(1).gate().inputs()).containsKey("failureLowerBound");
    assertThat(storedState()).isEqualTo("PAUSED");
    long assigned = count("SELECT count(*) FROM assignments WHERE rollout_id = ?");
    env.sleep(Duration.ofDays(1));
    assertThat(count("SELECT count(*) FROM assignments WHERE rollout_id = ?")).isEqualTo(assigned);

    rollout.signal(
        "resume", json("{\"by\": \"alice\", \"reason\": \"a bad batch of test units\"}"));

    assertThat(rollout.getResult(RolloutStatus.class).state()).isEqualTo(RolloutState.COMPLETED);
  }

  @Test
  void rollsBackEveryUpdatedDeviceWhenAGateSaysRollback() throws Exception {
    Fleet.seed(db, FLEET);
    fleet.phase(2, new Behaviour(0.2, 0.5, 0));
    ObjectNode plan = plan();
    phase(plan, 2).put("onFailure", "rollback");
    plan.putObject("rollback").put("failureRate", 0.5); // the phase's gate stops it, not the brake

    RolloutStatus done = start(plan).getResult(RolloutStatus.class);

    assertThat(done.state()).isEqualTo(RolloutState.ROLLED_BACK);
    assertThat(done.phases().get(2).state()).isEqualTo(PhaseState.FAILED);
    assertThat(
            count(
                "SELECT count(*) FROM assignments WHERE rollout_id = ? AND outcome = 'SUCCEEDED'"))
        .isZero();
    assertThat(
            count(
                "SELECT count(*) FROM assignments WHERE rollout_id = ? AND outcome = 'ROLLED_BACK'"))
        .isGreaterThan(250);
    assertThat(
            count("SELECT count(*) FROM assignments WHERE rollout_id = ? AND outcome = 'PENDING'"))
        .isZero();
    assertThat(done.audit()).extracting(AuditEntry::event).contains("PHASE_ROLLED_BACK");
  }

  @Test
  void theFleetBrakeRollsBackMidPhase() throws Exception {
    Fleet.seed(db, FLEET);
    fleet.phase(2, new Behaviour(0.3, 0, 0));

    RolloutStatus done = start(plan()).getResult(RolloutStatus.class);

    assertThat(done.state()).isEqualTo(RolloutState.ROLLED_BACK);
    assertThat(done.audit())
        .anySatisfy(e -> assertThat(e.event() + " " + e.by()).isEqualTo("ROLLBACK_STARTED brake"));
  }

  @Test
  void waitsForAnOperatorToApproveAManualPhase() throws Exception {
    Fleet.seed(db, FLEET);
    ObjectNode plan = plan();
    phase(plan, 2).put("approval", "manual");
    Releases.storePlan(db, "thermostat-2-4-0", plan.toString());
    WorkflowStub rollout =
        start(json("{\"planName\": \"thermostat-2-4-0\", \"requestedBy\": \"ci\"}"));
    awaitState(rollout, RolloutState.AWAITING_APPROVAL);
    assertThat(status(rollout).currentPhase()).isEqualTo("quarter");
    assertThat(storedState()).isEqualTo("AWAITING_APPROVAL");

    RolloutStatus approved =
        rollout.update(
            "control",
            RolloutStatus.class,
            json(
                "{\"action\": \"approve\", \"phase\": \"quarter\", \"by\": \"bob\", \"comment\": \"dashboards green\"}"));

    assertThat(approved.currentPhase()).isEqualTo("everyone");
    assertThat(rollout.getResult(RolloutStatus.class).state()).isEqualTo(RolloutState.COMPLETED);
  }

  @Test
  void extendsAnInconclusiveSoakThenPausesWithTheReason() throws Exception {
    Fleet.seed(db, FLEET);
    fleet.phase(0, new Behaviour(0, 0.8, 0));
    WorkflowStub rollout = start(plan());
    awaitState(rollout, RolloutState.PAUSED);

    RolloutStatus paused = status(rollout);
    assertThat(paused.audit()).filteredOn(e -> e.event().equals("SOAK_EXTENDED")).hasSize(2);
    assertThat(paused.pause().reason()).contains("still inconclusive after 3 x soak");
    assertThat(paused.currentPhase()).isEqualTo("internal");
  }

  @Test
  void closingTheWindowMarksDevicesThatNeverTookTheUpdateMissedWithTheReason() throws Exception {
    Fleet.seed(db, FLEET);
    fleet.phase(3, new Behaviour(0, 0.05, 30));

    RolloutStatus done = start(plan()).getResult(RolloutStatus.class);

    assertThat(done.state()).isEqualTo(RolloutState.COMPLETED);
    assertThat(
            count("SELECT count(*) FROM assignments WHERE rollout_id = ? AND outcome = 'MISSED'"))
        .isGreaterThan(30);
    assertThat(done.audit())
        .anySatisfy(
            e -> {
              assertThat(e.event()).isEqualTo("WINDOW_CLOSED");
              assertThat(e.inputs()).containsKeys("OFFLINE", "PREFLIGHT_NOT_MET");
            });
  }

  @Test
  void aPauseStopsTheWavesUntilResumed() throws Exception {
    Fleet.seed(db, FLEET);
    ObjectNode plan = plan();
    plan.putObject("rate").put("maxPerMinute", 100);
    WorkflowStub rollout = start(plan);
    while (status(rollout).phases().isEmpty() || status(rollout).phases().get(3).assigned() == 0) {
      env.sleep(Duration.ofMinutes(1));
    }

    rollout.signal("pause", json("{\"reason\": \"support queue spike\", \"by\": \"ops\"}"));
    awaitState(rollout, RolloutState.PAUSED);
    long assigned = count("SELECT count(*) FROM assignments WHERE rollout_id = ?");
    env.sleep(Duration.ofHours(6));

    assertThat(count("SELECT count(*) FROM assignments WHERE rollout_id = ?")).isEqualTo(assigned);
    assertThat(assigned).isLessThan(2000);
    assertThat(storedState()).isEqualTo("PAUSED");
    rollout.signal("resume", json("{}"));
    assertThat(rollout.getResult(RolloutStatus.class).state()).isEqualTo(RolloutState.COMPLETED);
  }

  @Test
  void signalsAndUpdatesThatDoNotApplyChangeNothing() throws Exception {
    Fleet.seed(db, FLEET);
    WorkflowStub rollout = start(plan());
    while (!"internal".equals(status(rollout).currentPhase())) {
      env.sleep(Duration.ofSeconds(1));
    }

    rollout.signal("resume", json("{\"by\": \"carol\"}"));
    rollout.signal("approve", json("{\"phase\": \"quarter\"}"));
    assertThatThrownBy(
            () -> rollout.update("control", RolloutStatus.class, json("{\"action\": \"resume\"}")))
        .rootCause()
        .hasMessageContaining("the rollout is not paused (it is RUNNING)");

    RolloutStatus status = status(rollout);
    assertThat(status.state()).isEqualTo(RolloutState.RUNNING);
    assertThat(status.audit())
        .extracting(AuditEntry::event)
        .contains("IGNORED_RESUME", "IGNORED_APPROVE");
    assertThat(storedState()).isEqualTo("RUNNING");
    assertThat(rollout.getResult(RolloutStatus.class).state()).isEqualTo(RolloutState.COMPLETED);
  }

  @Test
  void aPausedRolloutStaysPausedAcrossContinueAsNew() throws Exception {
    env.close();
    start(RolloutTuning.DEFAULT.withHistoryEventLimit(60));
    Fleet.seed(db, FLEET);
    WorkflowStub rollout = start(plan());
    rollout.signal("pause", json("{\"reason\": \"weekend freeze\", \"by\": \"frank\"}"));
    awaitState(rollout, RolloutState.PAUSED);
    String firstRun = rollout.describe().getExecution().getRunId();

    for (int i = 0; i < 12; i++) {
      rollout.signal("resume", json("{\"extra\": true}")); // ignored, and grows the history
      env.sleep(Duration.ofMinutes(1));
    }
    env.sleep(Duration.ofDays(1));

    WorkflowStub latest = client.newUntypedWorkflowStub(ID);
    RolloutStatus status = latest.query("status", RolloutStatus.class);
    assertThat(latest.describe().getExecution().getRunId()).isNotEqualTo(firstRun);
    assertThat(status.audit()).extracting(AuditEntry::event).contains("CONTINUED_AS_NEW");
    assertThat(status.state()).isEqualTo(RolloutState.PAUSED);
    assertThat(status.pause().reason()).isEqualTo("weekend freeze");
    assertThat(storedState()).isEqualTo("PAUSED");
  }

  @Test
  void failsAtOnceListingEveryProblemOfAnInputStartedTheTemporalUiWay() {
    WorkflowStub rollout =
        start(
            json(
                """
                {"plan": {"apiVersion": "rollout/v1", "name": "Bad Name", "release": "2.4.0",
                  "phases": [{"name": "a", "cohort": {"percent": 150}, "soak": "2x",
                              "gate": {"sucessRate": 0.9}}]},
                 "requestedBy": "ui", "colour": "blue"}
                """));

    assertThatThrownBy(() -> rollout.getResult(RolloutStatus.class))
        .isInstanceOf(WorkflowFailedException.class)
        .cause()
        .isInstanceOfSatisfying(
            ApplicationFailure.class,
            failure -> {
              assertThat(failure.isNonRetryable()).isTrue();
              assertThat(failure.getType()).isEqualTo(RolloutFailures.INVALID_INPUT);
              assertThat(failure.getOriginalMessage())
                  .contains("name:")
                  .contains("phases[0].cohort.percent:")
                  .contains("phases[0].soak:")
                  .contains("phases[0].gate.sucessRate:")
                  .contains("successRate")
                  .contains("colour:");
            });
  }

  private WorkflowStub start(ObjectNode plan) {
    ObjectNode input = JSON.createObjectNode();
    input.set("plan", plan);
    input.put("requestedBy", "it");
    return start((com.fasterxml.jackson.databind.JsonNode) input);
  }

  private WorkflowStub start(com.fasterxml.jackson.databind.JsonNode input) {
    WorkflowStub stub =
        client.newUntypedWorkflowStub(
            RolloutWorkflow.TYPE,
            WorkflowOptions.newBuilder()
                .setWorkflowId(ID)
                .setTaskQueue(RolloutWorkflow.TASK_QUEUE)
                .build());
    stub.start(input);
    return stub;
  }

  static ObjectNode plan() throws Exception {
    String yaml = Files.readString(Path.of("src/test/resources/plans/four-phases.yaml"));
    return (ObjectNode) new YAMLMapper().readTree(yaml);
  }

  static ObjectNode phase(ObjectNode plan, int index) {
    return (ObjectNode) plan.withArray("phases").get(index);
  }

  private RolloutStatus status(WorkflowStub rollout) {
    return rollout.query("status", RolloutStatus.class);
  }

  private void awaitState(WorkflowStub rollout, RolloutState state) {
    for (int i = 0; i < 300 && status(rollout).state() != state; i++) {
      env.sleep(Duration.ofMinutes(10));
    }
    assertThat(status(rollout).state()).isEqualTo(state);
  }

  private long count(String sql) {
    return Jdbc.inTransaction(db, c -> Jdbc.queryLong(c, sql, ID));
  }

  private String storedState() {
    return Jdbc.inTransaction(
            db,
            c -> Jdbc.query(c, "SELECT state FROM rollouts WHERE id = ?", r -> r.getString(1), ID))
        .get(0);
  }

  static com.fasterxml.jackson.databind.JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }

  /** A server without our search attributes: the rollout must not need them. */
  static final class NoSearchAttributes implements VisibilityActivities {
    @Override
    public List<String> registeredSearchAttributes() {
      return List.of();
    }
  }
}
