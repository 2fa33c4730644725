package dev.rollout.workflows.rollout;

import java.util.Map;
import java.util.Optional;

/**
 * Pause, resume, abort, rollback and approve, from signals and the {@code control} update alike:
 * one place decides whether an action applies, and one applies it.
 */
final class Controls {

  private final Ledger ledger;

  Controls(Ledger ledger) {
    this.ledger = ledger;
  }

  /** Why the request does not apply now, or empty when it does. */
  Optional<String> rejection(ControlRequest request) {
    if (!request.problems().isEmpty()) {
      return Optional.of(String.join("; ", request.problems()));
    }
    RolloutState state = ledger.state;
    if (state.isFinal()) {
      return Optional.of("the rollout is already " + state);
    }
    return switch (request.action()) {
      case PAUSE ->
          state == RolloutState.PAUSED
              ? Optional.of("the rollout is already paused")
              : state == RolloutState.ROLLING_BACK
                  ? Optional.of("a rollback cannot be paused (abort stops it)")
                  : Optional.empty();
      case RESUME ->
          state == RolloutState.PAUSED
              ? Optional.empty()
              : Optional.of("the rollout is not paused (it is " + state + ")");
      case ABORT -> Optional.empty();
      case ROLLBACK ->
          state == RolloutState.ROLLING_BACK
              ? Optional.of("the rollout is already rolling back")
              : Optional.empty();
      case APPROVE -> approvalRejection(request.phase());
    };
  }

  private Optional<String> approvalRejection(String phase) {
    if (phase == null || phase.isBlank()) {
      return Optional.of("phase: required, the name of the phase to approve");
    }
    if (ledger.preparation == null || ledger.state != RolloutState.AWAITING_APPROVAL) {
      return Optional.of("no phase is awaiting approval (the rollout is " + ledger.state + ")");
    }
    String waiting = ledger.phase().name();
    return waiting.equals(phase)
        ? Optional.empty()
        : Optional.of("phase " + waiting + " is awaiting approval, not " + phase);
  }

  /** Applies a request from a signal: what does not apply changes nothing and is recorded. */
  void signal(ControlRequest request) {
    Optional<String> rejection = rejection(request);
    if (rejection.isPresent()) {
      String action = request.action() == null ? "control" : request.action().wireName();
      ledger.audit.record("IGNORED_" + action.toUpperCase(), request.by(), rejection.get());
      ledger.changed();
      return;
    }
    apply(request);
  }

  /** Applies a request that {@link #rejection} accepted. */
  void apply(ControlRequest request) {
    String by = request.by();
    switch (request.action()) {
      case PAUSE -> pause(request);
      case RESUME -> resume(request);
      case ABORT ->
          ledger.finish(RolloutState.ABORTED, by, request.reasonOr("aborted by an operator"));
      case ROLLBACK ->
          ledger.startRollback(request.reasonOr("rollback requested by an operator"), by, Map.of());
      case APPROVE -> approve(request);
    }
  }

  private void pause(ControlRequest request) {
    String reason = request.reasonOr("paused by an operator");
    ledger.resumeTo = ledger.state;
    ledger.state = RolloutState.PAUSED;
    ledger.pause = new RolloutStatus.Pause(reason, request.by(), Ledger.now());
    ledger.pausedByGate = false;
    ledger.audit.record("PAUSED", request.by(), reason);
    ledger.changed();
  }

  private void resume(ControlRequest request) {
    ledger.state = ledger.resumeTo == null ? RolloutState.RUNNING : ledger.resumeTo;
    ledger.pause = null;
    if (ledger.pausedByGate) {
      // The operator looked at the gate that stopped this phase and chose to go on: accept the
      // phase.
      ledger.moveTo(Cursors.overridden(ledger.cursor));
      ledger.phases.state(ledger.cursor.phaseIndex(), PhaseState.ACTIVE);
      ledger.audit.record(
          "GATE_OVERRIDDEN",
          request.by(),
          "phase " + ledger.phase().name() + " accepted as it stands");
    }
    ledger.pausedByGate = false;
    ledger.audit.record("RESUMED", request.by(), request.reasonOr("resumed by an operator"));
    ledger.changed();
  }

  private void approve(ControlRequest request) {
    String detail =
        "phase " + request.phase() + (request.comment() == null ? "" : ": " + request.comment());
    ledger.audit.record("APPROVED", request.by(), detail);
    ledger.state = RolloutState.RUNNING;
    ledger.moveTo(Cursors.nextPhase(ledger.cursor, ledger.plan().phases().size()));
    PhaseRunner.activate(ledger);
  }
}
