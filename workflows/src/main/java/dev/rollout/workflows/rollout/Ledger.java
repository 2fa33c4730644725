package dev.rollout.workflows.rollout;

import dev.rollout.definitions.plan.Phase;
import dev.rollout.definitions.plan.Plan;
import dev.rollout.workflows.rollout.Continuation.Cursor;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The rollout's mutable state: state, cursor, pause, phases and audit. Handlers and the main loop
 * both change it (Temporal runs them one at a time); every change bumps {@link #version()} so waits
 * wake up, and the state the store has seen is tracked so the loop persists what changed.
 */
final class Ledger {

  final String rolloutId;
  final AuditTrail audit;
  final PhaseBook phases;
  Preparation preparation;
  String requestedBy;
  long startedAtMillis;
  RolloutState state = RolloutState.RUNNING;
  RolloutState resumeTo;
  RolloutStatus.Pause pause;
  boolean pausedByGate;
  Cursor cursor = new Cursor(Stage.ASSIGNING, 0, 0, 0, 0, false, 0, -1);
  List<String> searchAttributes = List.of();
  private long version;
  private RolloutState persistedState;
  private int persistedPhase = Integer.MIN_VALUE;

  Ledger(String rolloutId, RolloutTuning tuning) {
    this.rolloutId = rolloutId;
    this.audit = new AuditTrail(tuning.auditSize());
    this.phases = new PhaseBook();
  }

  /** Takes over the state a previous run carried into this one. */
  void restore(Continuation carried) {
    audit.restore(carried.audit());
    phases.restore(carried.phases());
    preparation = carried.preparation();
    requestedBy = carried.requestedBy();
    startedAtMillis = carried.startedAtMillis();
    state = carried.state();
    resumeTo = carried.resumeTo();
    pause = carried.pause();
    pausedByGate = carried.pausedByGate();
    cursor = carried.cursor();
    searchAttributes = carried.searchAttributes();
    changed();
  }

  Continuation carry() {
    return new Continuation(
        preparation,
        requestedBy,
        startedAtMillis,
        state,
        resumeTo,
        pause,
        pausedByGate,
        cursor,
        phases.all(),
        audit.entries(),
        searchAttributes);
  }

  void prepared(Preparation preparation, String requestedBy) {
    this.preparation = preparation;
    this.requestedBy = requestedBy;
    this.startedAtMillis = Workflow.currentTimeMillis();
    phases.start(preparation);
    changed();
  }

  Plan plan() {
    return preparation.plan();
  }

  Phase phase() {
    return plan().phases().get(cursor.phaseIndex());
  }

  long version() {
    return version;
  }

  void changed() {
    version++;
  }

  boolean needsPersisting() {
    return state != persistedState || cursor.phaseIndex() != persistedPhase;
  }

  boolean persisted(RolloutState state, int phaseIndex) {
    return persistedState == state && persistedPhase == phaseIndex;
  }

  void markPersisted(RolloutState state, int phaseIndex) {
    persistedState = state;
    persistedPhase = phaseIndex;
    changed();
  }

  Instant windowClosesAt() {
    return Instant.ofEpochMilli(startedAtMillis).plus(plan().window().closesAfter());
  }

  // ---- transitions taken by the main loop ----

  void moveTo(Cursor next) {
    cursor = next;
    changed();
  }

  void pauseForGate(String reason) {
    resumeTo = RolloutState.RUNNING;
    state = RolloutState.PAUSED;
    pause = new RolloutStatus.Pause(reason, "gate", now());
    pausedByGate = true;
    audit.record("PAUSED", "gate", reason);
    changed();
  }

  void startRollback(String reason, String by, Map<String, Object> inputs) {
    // before the plan is known nothing was assigned: there is nothing to roll back
    int last = preparation == null ? -1 : Math.min(cursor.phaseIndex(), plan().phases().size() - 1);
    state = RolloutState.ROLLING_BACK;
    pause = null;
    cursor = Cursors.rollingBack(cursor, last);
    audit.record("ROLLBACK_STARTED", by, reason, inputs);
    changed();
  }

  void finish(RolloutState finalState, String by, String detail) {
    state = finalState;
    pause = null;
    cursor = Cursors.done(cursor);
    audit.record(finalState.name(), by, detail);
    changed();
  }

  static String now() {
    return Instant.ofEpochMilli(Workflow.currentTimeMillis()).toString();
  }

  static Duration since(long startMillis) {
    return Duration.ofMillis(Workflow.currentTimeMillis() - startMillis);
  }
}
