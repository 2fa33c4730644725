package dev.rollout.workflows.rollout;

import static dev.rollout.workflows.rollout.ControlAction.ABORT;
import static dev.rollout.workflows.rollout.ControlAction.APPROVE;
import static dev.rollout.workflows.rollout.ControlAction.PAUSE;
import static dev.rollout.workflows.rollout.ControlAction.RESUME;
import static dev.rollout.workflows.rollout.ControlAction.ROLLBACK;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rollout.definitions.plan.Problem;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.converter.DataConverterException;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkflowImplementationOptions;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInfo;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The Rollout workflow: a deterministic interpreter of a plan. The main loop takes one bounded step
 * at a time (a wave, a slice of soak, a rollback poll) from the cursor in the {@link Ledger};
 * handlers only change the ledger, so every step sees pauses, aborts and rollbacks at once.
 */
public class RolloutWorkflowImpl implements RolloutWorkflow {

  private final RolloutTuning tuning;
  private final RolloutActivities store;
  private final VisibilityActivities visibility;
  private final Ledger ledger;
  private final Controls controls;
  private final Pacer pacer;

  /**
   * Register the workflow with these options. An input the data converter cannot even read as JSON
   * (a binary payload from another SDK, say) must fail the rollout at once instead of failing its
   * first workflow task forever. Our own payloads cannot hit this unless a release breaks
   * compatibility, which the replay test catches.
   */
  private static WorkflowImplementationOptions implementationOptions() {
    return WorkflowImplementationOptions.newBuilder()
        .setFailWorkflowExceptionTypes(DataConverterException.class)
        .build();
  }

  /** Registers the workflow on a worker the one way every worker, test and replayer must use. */
  public static void register(Worker worker, RolloutTuning tuning) {
    worker.registerWorkflowImplementationFactory(
        RolloutWorkflow.class, () -> new RolloutWorkflowImpl(tuning), implementationOptions());
  }

  public RolloutWorkflowImpl() {
    this(RolloutTuning.DEFAULT);
  }

  public RolloutWorkflowImpl(RolloutTuning tuning) {
    this.tuning = tuning;
    ActivityOptions slow = tuning.longActivities();
    this.store =
        Workflow.newActivityStub(
            RolloutActivities.class,
            tuning.shortActivities(),
            Map.of(
                "Prepare", slow, "AssignWave", slow, "RollBackPhase", slow, "CloseWindow", slow));
    this.visibility =
        Workflow.newActivityStub(VisibilityActivities.class, tuning.shortActivities());
    this.ledger = new Ledger(Workflow.getInfo().getWorkflowId(), tuning);
    this.controls = new Controls(ledger);
    this.pacer = new Pacer(ledger, store);
  }

  @Override
  public RolloutStatus run(JsonNode input, Continuation continuation) {
    if (continuation == null) {
      start(input);
    } else {
      ledger.restore(continuation);
    }
    PhaseRunner phases = new PhaseRunner(ledger, pacer, store, tuning);
    RollbackSaga saga = new RollbackSaga(ledger, pacer, store, tuning);
    Completion completion = new Completion(ledger, pacer, store, tuning, phases);
    while (true) {
      pacer.persist();
      if (ledger.state.isFinal()) {
        break;
      }
      try {
        if (pacer.windowClosed()) {
          completion.windowClosed(saga);
        } else {
          step(phases, saga, completion);
        }
      } catch (ActivityFailure failure) {
        stall(failure);
      }
      if (continueAsNewDue()) {
        continueAsNew(input);
      }
    }
    Workflow.await(Workflow::isEveryHandlerFinished);
    return status();
  }

  private void start(JsonNode input) {
    Preparation preparation = store.prepare(new PrepareRequest(ledger.rolloutId, input));
    if (preparation.rejected()) {
      ledger.state = RolloutState.FAILED;
      String problems =
          preparation.problems().stream().map(Problem::toString).collect(Collectors.joining("; "));
      ledger.audit.record("REJECTED", "validation", problems);
      throw ApplicationFailure.newNonRetryableFailure(
          "invalid rollout input (" + preparation.problems().size() + " problems): " + problems,
          RolloutFailures.INVALID_INPUT,
          preparation.problems());
    }
    ledger.searchAttributes = visibility.registeredSearchAttributes();
    String requestedBy = input.path("requestedBy").asText("unknown");
    ledger.prepared(preparation, requestedBy);
    ledger.audit.record(
        "STARTED",
        requestedBy,
        "release " + ledger.plan().release() + " in " + ledger.plan().phases().size() + " phases",
        Map.copyOf(preparation.ineligible()));
    PhaseRunner.activate(ledger);
  }

  private void step(PhaseRunner phases, RollbackSaga saga, Completion completion) {
    switch (ledger.state) {
      case PAUSED -> pacer.sleep(java.time.Duration.between(Pacer.now(), ledger.windowClosesAt()));
      case ROLLING_BACK -> saga.step();
      default -> {
        switch (ledger.cursor.stage()) {
          case ASSIGNING -> phases.assign();
          case SOAKING -> phases.soak();
          case AWAITING_APPROVAL -> phases.awaitApproval();
          case DRAINING -> completion.drain();
          case ROLLING_BACK, DONE ->
              throw new IllegalStateException(
                  "stage " + ledger.cursor.stage() + " in state " + ledger.state);
        }
      }
    }
  }

  /**
   * A store activity failed for good (a retry cannot fix it): stop safely and let an operator
   * decide.
   */
  private void stall(ActivityFailure failure) {
    String cause =
        failure.getCause() == null ? failure.getMessage() : failure.getCause().getMessage();
    if (ledger.state == RolloutState.RUNNING || ledger.state == RolloutState.AWAITING_APPROVAL) {
      ledger.resumeTo = ledger.state;
      ledger.state = RolloutState.PAUSED;
      ledger.pause = new RolloutStatus.Pause("store failed: " + cause, "system", Ledger.now());
      ledger.changed();
    }
    ledger.audit.record("STORE_FAILED", "system", cause);
  }

  private boolean continueAsNewDue() {
    WorkflowInfo info = Workflow.getInfo();
    return !ledger.state.isFinal()
        && (info.isContinueAsNewSuggested()
            || info.getHistoryLength() > tuning.historyEventLimit());
  }

  private void continueAsNew(JsonNode input) {
    pacer.persist();
    Workflow.await(Workflow::isEveryHandlerFinished);
    ledger.audit.record(
        "CONTINUED_AS_NEW", "workflow", Workflow.getInfo().getHistoryLength() + " history events");
    Workflow.continueAsNew(input, ledger.carry());
  }

  @Override
  public void pause(JsonNode request) {
    controls.signal(ControlRequest.ofSignal(PAUSE, request));
  }

  @Override
  public void resume(JsonNode request) {
    controls.signal(ControlRequest.ofSignal(RESUME, request));
  }

  @Override
  public void abort(JsonNode request) {
    controls.signal(ControlRequest.ofSignal(ABORT, request));
  }

  @Override
  public void rollback(JsonNode request) {
    controls.signal(ControlRequest.ofSignal(ROLLBACK, request));
  }

  @Override
  public void approve(JsonNode request) {
    controls.signal(ControlRequest.ofSignal(APPROVE, request));
  }

  @Override
  public void validateControl(JsonNode request) {
    controls
        .rejection(ControlRequest.ofUpdate(request))
        .ifPresent(
            why -> {
              throw new IllegalArgumentException(why);
            });
  }

  @Override
  public RolloutStatus control(JsonNode request) {
    controls.apply(ControlRequest.ofUpdate(request));
    RolloutState state = ledger.state;
    int phase = ledger.cursor.phaseIndex();
    // Answer once the store has the new state: when a pause returns, devices get no more offers.
    Workflow.await(() -> ledger.persisted(state, phase) || ledger.state != state);
    return status();
  }

  @Override
  public RolloutStatus status() {
    return StatusView.status(ledger);
  }
}
