package dev.rollout.workflows.rollout;

import java.util.Map;

/**
 * The compensation: phase by phase in reverse order, offer every updated device its previous
 * version and track it until done. Each step is idempotent in the store, so a retried or replayed
 * step is harmless.
 */
final class RollbackSaga {

  private final Ledger ledger;
  private final Pacer pacer;
  private final RolloutActivities store;
  private final RolloutTuning tuning;

  RollbackSaga(Ledger ledger, Pacer pacer, RolloutActivities store, RolloutTuning tuning) {
    this.ledger = ledger;
    this.pacer = pacer;
    this.store = store;
    this.tuning = tuning;
  }

  void step() {
    int index = ledger.cursor.rollbackPhase();
    if (index < 0) {
      ledger.finish(RolloutState.ROLLED_BACK, "rollback", "every phase rolled back");
      return;
    }
    RollbackProgress progress =
        pacer.call(
            () -> store.rollBackPhase(new RollbackRequest(ledger.rolloutId, index, Pacer.now())));
    if (progress.done()) {
      ledger.audit.record(
          "PHASE_ROLLED_BACK",
          "rollback",
          "phase " + ledger.plan().phases().get(index).name(),
          Map.of(
              "offered", progress.offered(),
              "rolledBack", progress.rolledBack(),
              "failed", progress.failed(),
              "cancelled", progress.cancelled()));
      ledger.moveTo(Cursors.rolledBackPhase(ledger.cursor));
    } else {
      pacer.sleep(tuning.rollbackPollEvery());
    }
  }

  /** The window closed before every device came back: the rollback ends with what it reached. */
  void windowClosed() {
    ledger.finish(
        RolloutState.ROLLED_BACK,
        "window",
        "the window closed while rolling back; devices not yet back stay in the support view");
  }
}
