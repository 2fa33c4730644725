package dev.rollout.workflows.rollout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rollout.definitions.gate.Verdict;
import dev.rollout.definitions.plan.Phase;
import dev.rollout.definitions.plan.Problem;
import io.temporal.api.enums.v1.IndexedValueType;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.client.WorkflowUpdateException;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/**
 * The workflow's control flow over a scripted store, in Temporal's time-skipping test environment.
 */
class RolloutWorkflowTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private TestWorkflowEnvironment env;
  private WorkflowClient client;
  private final ScriptedStore store = new ScriptedStore();

  @BeforeEach
  void startEnvironment() {
    startEnvironment(RolloutTuning.DEFAULT);
  }

  private void startEnvironment(RolloutTuning tuning) {
    env = TestWorkflowEnvironment.newInstance();
    for (String name :
        List.of(
            VisibilityActivities.ROLLOUT_STATE,
            VisibilityActivities.ROLLOUT_PHASE,
            VisibilityActivities.ROLLOUT_RELEASE)) {
      env.registerSearchAttribute(name, IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD);
    }
    Worker worker = env.newWorker(RolloutWorkflow.TASK_QUEUE);
    RolloutWorkflowImpl.register(worker, tuning);
    worker.registerActivitiesImplementations(store, new AllSearchAttributes());
    env.start();
    client = env.getWorkflowClient();
  }

  @AfterEach
  void stop(TestInfo test) throws Exception {
    if (System.getProperty("record.histories") != null) {
      ReplayTest.record(client, test.getTestMethod().orElseThrow().getName());
    }
    env.close();
  }

  @Test
  void completesAllFourPhases() {
    WorkflowStub rollout = start();

    RolloutStatus status = rollout.getResult(RolloutStatus.class);

    assertThat(status.state()).isEqualTo(RolloutState.COMPLETED);
    assertThat(status.phases()).extracting(PhaseStatus::state).containsOnly(PhaseState.PASSED);
    assertThat(status.phases())
        .extracting(PhaseStatus::assigned)
        .containsExactly(10L, 40L, 200L, 750L);
    assertThat(store.stateHistory())
        .startsWith(RolloutState.RUNNING)
        .endsWith(RolloutState.COMPLETED);
    assertThat(status.audit())
        .extracting(AuditEntry::event)
        .contains("STARTED", "PHASE_PASSED", "COMPLETED");
  }

  @Test
  void pausesOnFailedGateAndCompletesAfterResume() {
    store.gate =
        (phase, ended) -> phase == 1 ? Verdict.FAIL : ended ? Verdict.PASS : Verdict.INCONCLUSIVE;
    WorkflowStub rollout = start();
    awaitState(rollout, RolloutState.PAUSED);

    RolloutStatus paused = status(rollout);
    assertThat(paused.pause().by()).isEqualTo("gate");
    assertThat(paused.pause().reason()).contains("gate failed in phase low-risk");
    assertThat(paused.phases().get(1).state()).isEqualTo(PhaseState.FAILED);
    assertThat(store.stateHistory()).contains(RolloutState.PAUSED);

    rollout.signal("resume", json("{\"by\": \"alice\", \"reason\": \"failures explained\"}"));
    RolloutStatus done = rollout.getResult(RolloutStatus.class);

    assertThat(done.state()).isEqualTo(RolloutState.COMPLETED);
    assertThat(done.audit()).extracting(AuditEntry::event).contains("GATE_OVERRIDDEN", "RESUMED");
  }

  @Test
  void rollsBackEveryUpdatedPhaseInReverseOrderWhenGateSaysRollback() {
    store.plan = TestPlans.withPhase(2, Phase.OnFailure.ROLLBACK, Phase.Approval.AUTO);
    store.gate =
        (phase, ended) -> phase == 2 ? Verdict.FAIL : ended ? Verdict.PASS : Verdict.INCONCLUSIVE;

    RolloutStatus done = start().getResult(RolloutStatus.class);

    assertThat(done.state()).isEqualTo(RolloutState.ROLLED_BACK);
    assertThat(store.rolledBack).containsExactly(2, 1, 0);
    assertThat(done.phases().get(3).state()).isEqualTo(PhaseState.PENDING);
  }

  @Test
  void fleetBrakeRollsBackMidPhase() {
    store.brake = Verdict.FAIL;

    RolloutStatus done = start().getResult(RolloutStatus.class);

    assertThat(done.state()).isEqualTo(RolloutState.ROLLED_BACK);
    assertThat(store.rolledBack).containsExactly(0);
    assertThat(done.audit()).extracting(AuditEntry::by).contains("brake");
  }

  @Test
  void waitsForManualApprovalNamingThePhase() {
    store.plan = TestPlans.withPhase(0, Phase.OnFailure.PAUSE, Phase.Approval.MANUAL);
    WorkflowStub rollout = start();
    awaitState(rollout, RolloutState.AWAITING_APPROVAL);

    assertThatThrownBy(() -> control(rollout, "{\"action\": \"approve\", \"phase\": \"quarter\"}"))
        .isInstanceOf(WorkflowUpdateException.class)
        .rootCause()
        .hasMessageContaining("phase internal is awaiting approval, not quarter");
    RolloutStatus approved =
        control(
            rollout,
            "{\"action\": \"approve\", \"phase\": \"internal\", \"by\": \"bob\", \"comment\": \"ok\"}");

    assertThat(approved.state()).isEqualTo(RolloutState.RUNNING);
    assertThat(approved.currentPhase()).isEqualTo("low-risk");
    assertThat(approved.audit())
        .anySatisfy(
            e -> {
              assertThat(e.event()).isEqualTo("APPROVED");
              assertThat(e.by()).isEqualTo("bob");
              assertThat(e.detail()).contains("ok");
            });
    assertThat(rollout.getResult(RolloutStatus.class).state()).isEqualTo(RolloutState.COMPLETED);
  }

  @Test
  void extendsAnInconclusiveSoakTwiceThenPauses() {
    store.gate = (phase, ended) -> Verdict.INCONCLUSIVE;
    WorkflowStub rollout = start();
    awaitState(rollout, RolloutState.PAUSED);

    RolloutStatus status = status(rollout);
    assertThat(status.audit()).filteredOn(e -> e.event().equals("SOAK_EXTENDED")).hasSize(2);
    assertThat(status.pause().reason()).contains("still inconclusive after 3 x soak");
    assertThat(status.currentPhase()).isEqualTo("internal");
  }

  @Test
  void pausingDuringAWaveReachesTheStoreBeforeTheWaveEnds() throws Exception {
    store.waveGate = new CountDownLatch(1);
    WorkflowStub rollout = start();
    assertThat(store.waveStarted.await(10, TimeUnit.SECONDS)).isTrue();

    rollout.signal("pause", json("{\"reason\": \"support spike\", \"by\": \"ops\"}"));
    long deadline = System.currentTimeMillis() + 10_000;
    while (!store.stateHistory().contains(RolloutState.PAUSED)
        && System.currentTimeMillis() < deadline) {
      Thread.sleep(20);
    }
    assertThat(store.stateHistory()).contains(RolloutState.PAUSED);
    assertThat(store.assigned).isEmpty();
    store.waveGate.countDown();

    RolloutStatus paused = status(rollout);
    assertThat(paused.state()).isEqualTo(RolloutState.PAUSED);
    assertThat(paused.pause().reason()).isEqualTo("support spike");
    env.sleep(Duration.ofHours(12));
    assertThat(store.assigned).containsOnlyKeys(0);
    assertThat(status(rollout).phases().get(0).state()).isEqualTo(PhaseState.ACTIVE);

    rollout.signal("resume", (Object) null);
    assertThat(rollout.getResult(RolloutStatus.class).state()).isEqualTo(RolloutState.COMPLETED);
  }

  @Test
  void failsFastWithEveryProblemOfAnInvalidInput() {
    store.problems =
        List.of(
            new Problem(
                "phases[2].gate.successRate", "OUT_OF_RANGE", "must be between 0 and 1, got 1.5"),
            new Problem("colour", "UNKNOWN_FIELD", "unknown field"));
    WorkflowStub rollout = start();

    assertThatThrownBy(() -> rollout.getResult(RolloutStatus.class))
        .isInstanceOf(WorkflowFailedException.class)
        .cause()
        .isInstanceOfSatisfying(
            ApplicationFailure.class,
            failure -> {
              assertThat(failure.isNonRetryable()).isTrue();
              assertThat(failure.getType()).isEqualTo(RolloutFailures.INVALID_INPUT);
              assertThat(failure.getOriginalMessage())
                  .contains("2 problems")
                  .contains("phases[2].gate.successRate: must be between 0 and 1, got 1.5")
                  .contains("colour: unknown field");
            });
  }

  @Test
  void failsFastOnAnInputThatIsNotJson() {
    WorkflowStub stub =
        client.newUntypedWorkflowStub(
            RolloutWorkflow.TYPE,
            WorkflowOptions.newBuilder()
                .setWorkflowId("rollout-thermostat-2-4-0")
                .setTaskQueue(RolloutWorkflow.TASK_QUEUE)
                .setWorkflowTaskTimeout(Duration.ofSeconds(5))
                .build());
    stub.start((Object) new byte[] {0x01, 0x02, (byte) 0xff});

    assertThatThrownBy(() -> stub.getResult(RolloutStatus.class))
        .isInstanceOf(WorkflowFailedException.class);
  }

  @Test
  void recordsSignalsThatDoNotApplyWithoutChangingAnything() {
    WorkflowStub rollout = start();
    awaitPhase(rollout, "internal");

    rollout.signal("resume", json("{\"by\": \"carol\"}"));
    rollout.signal("approve", json("{\"phase\": \"internal\", \"extra\": 1}"));

    RolloutStatus status = status(rollout);
    assertThat(status.state()).isEqualTo(RolloutState.RUNNING);
    assertThat(status.audit())
        .extracting(AuditEntry::event)
        .contains("IGNORED_RESUME", "IGNORED_APPROVE");
    assertThat(rollout.getResult(RolloutStatus.class).state()).isEqualTo(RolloutState.COMPLETED);
  }

  @Test
  void rejectsAnUpdateThatDoesNotApply() {
    WorkflowStub rollout = start();
    awaitPhase(rollout, "internal");

    assertThatThrownBy(() -> control(rollout, "{\"action\": \"resume\"}"))
        .isInstanceOf(WorkflowUpdateException.class)
        .rootCause()
        .hasMessageContaining("the rollout is not paused (it is RUNNING)");
    assertThatThrownBy(() -> control(rollout, "{\"action\": \"explode\"}"))
        .rootCause()
        .hasMessageContaining(
            "action: must be one of pause, resume, abort, rollback, approve, got explode");

    RolloutStatus paused = control(rollout, "{\"action\": \"pause\", \"by\": \"dave\"}");
    assertThat(paused.state()).isEqualTo(RolloutState.PAUSED);
    assertThat(store.stateHistory()).contains(RolloutState.PAUSED);
  }

  @Test
  void closingTheWindowMarksMissedDevicesAndCompletes() {
    store.open = 6;

    RolloutStatus done = start().getResult(RolloutStatus.class);

    assertThat(done.state()).isEqualTo(RolloutState.COMPLETED);
    assertThat(done.audit())
        .anySatisfy(
            e -> {
              assertThat(e.event()).isEqualTo("WINDOW_CLOSED");
              assertThat(e.inputs())
                  .containsEntry("OFFLINE", 4)
                  .containsEntry("PREFLIGHT_NOT_MET", 2);
            });
  }

  @Test
  void abortStopsForGood() {
    WorkflowStub rollout = start();
    awaitPhase(rollout, "internal");

    rollout.signal("abort", json("{\"reason\": \"wrong release\", \"by\": \"erin\"}"));

    RolloutStatus done = rollout.getResult(RolloutStatus.class);
    assertThat(done.state()).isEqualTo(RolloutState.ABORTED);
    assertThat(store.stateHistory()).endsWith(RolloutState.ABORTED);
    assertThat(store.rolledBack).isEmpty();
  }

  @Test
  void continuingAsNewKeepsAPausedRolloutPaused() {
    env.close();
    startEnvironment(RolloutTuning.DEFAULT.withHistoryEventLimit(60));
    WorkflowStub rollout = start();
    awaitPhase(rollout, "internal");
    rollout.signal("pause", json("{\"reason\": \"weekend\", \"by\": \"frank\"}"));
    awaitState(rollout, RolloutState.PAUSED);
    String firstRun = rollout.getExecution().getRunId();

    for (int i = 0; i < 10; i++) {
      rollout.signal("resume", json("{\"extra\": true}")); // ignored: grows the history
    }
    env.sleep(Duration.ofDays(1));

    WorkflowStub latest = client.newUntypedWorkflowStub(rollout.getExecution().getWorkflowId());
    RolloutStatus status = latest.query("status", RolloutStatus.class);
    assertThat(status.audit()).extracting(AuditEntry::event).contains("CONTINUED_AS_NEW");
    assertThat(status.state()).isEqualTo(RolloutState.PAUSED);
    assertThat(status.pause().reason()).isEqualTo("weekend");
    assertThat(latest.describe().getExecution().getRunId()).isNotEqualTo(firstRun);
  }

  private WorkflowStub start() {
    WorkflowStub stub =
        client.newUntypedWorkflowStub(
            RolloutWorkflow.TYPE,
            WorkflowOptions.newBuilder()
                .setWorkflowId("rollout-thermostat-2-4-0")
                .setTaskQueue(RolloutWorkflow.TASK_QUEUE)
                .build());
    stub.start(
        json("{\"plan\": {\"name\": \"whatever the store says\"}, \"requestedBy\": \"alice\"}"));
    return stub;
  }

  private RolloutStatus status(WorkflowStub rollout) {
    return rollout.query("status", RolloutStatus.class);
  }

  private RolloutStatus control(WorkflowStub rollout, String request) {
    return rollout.update("control", RolloutStatus.class, json(request));
  }

  private void awaitState(WorkflowStub rollout, RolloutState state) {
    for (int i = 0; i < 200 && status(rollout).state() != state; i++) {
      env.sleep(Duration.ofMinutes(10));
    }
    assertThat(status(rollout).state()).isEqualTo(state);
  }

  private void awaitPhase(WorkflowStub rollout, String phase) {
    for (int i = 0; i < 200 && !phase.equals(status(rollout).currentPhase()); i++) {
      env.sleep(Duration.ofSeconds(1));
    }
    assertThat(status(rollout).currentPhase()).isEqualTo(phase);
  }

  private static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }

  static final class AllSearchAttributes implements VisibilityActivities {
    @Override
    public List<String> registeredSearchAttributes() {
      return List.of(ROLLOUT_STATE, ROLLOUT_PHASE, ROLLOUT_RELEASE);
    }
  }
}
