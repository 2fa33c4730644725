package dev.rollout.workflows.rollout;

import dev.rollout.definitions.gate.PhaseCounts;
import java.util.HashMap;
import java.util.Map;

/** The end of a rollout: waiting for stragglers after the last phase, and the window's close. */
final class Completion {

  private final Ledger ledger;
  private final Pacer pacer;
  private final RolloutActivities store;
  private final RolloutTuning tuning;
  private final PhaseRunner phases;

  Completion(
      Ledger ledger,
      Pacer pacer,
      RolloutActivities store,
      RolloutTuning tuning,
      PhaseRunner phases) {
    this.ledger = ledger;
    this.pacer = pacer;
    this.store = store;
    this.tuning = tuning;
    this.phases = phases;
  }

  /** Every phase passed: finish as soon as no device is still pending, deferred or in progress. */
  void drain() {
    Measurement m = phases.measure(ledger.plan().phases().size() - 1, true);
    if (Housekeeping.brakeEngaged(ledger, m)) {
      return;
    }
    PhaseCounts open = m.rollout();
    long outstanding = open.pending() + open.deferred() + open.inProgress();
    if (outstanding == 0) {
      ledger.finish(
          RolloutState.COMPLETED, "plan", "every phase passed and no device is left open");
    } else {
      pacer.sleep(tuning.maxMeasureEvery()); // stragglers trickle in for days: look rarely
    }
  }

  void windowClosed(RollbackSaga saga) {
    if (ledger.cursor.stage() == Stage.ROLLING_BACK) {
      saga.windowClosed();
      return;
    }
    WindowClosure closure =
        pacer.call(() -> store.closeWindow(new CloseWindowRequest(ledger.rolloutId, Pacer.now())));
    Map<String, Object> inputs = new HashMap<>(closure.missed());
    ledger.audit.record(
        "WINDOW_CLOSED", "window", closure.total() + " devices missed the update", inputs);
    if (ledger.cursor.stage() == Stage.DRAINING) {
      ledger.finish(RolloutState.COMPLETED, "window", "every phase passed; the window closed");
    } else {
      ledger.finish(
          RolloutState.ABORTED,
          "window",
          "the window closed before phase " + ledger.phase().name() + " finished");
    }
  }
}
