package dev.rollout.workflows.rollout;

import dev.rollout.definitions.gate.GateVerdict;
import dev.rollout.definitions.gate.Verdict;
import dev.rollout.definitions.plan.Phase;
import io.temporal.workflow.Workflow;
import java.time.Duration;

/** One bounded step of the current phase: a wave, a slice of soak, or waiting for approval. */
final class PhaseRunner {

  private final Ledger ledger;
  private final Pacer pacer;
  private final RolloutActivities store;
  private final RolloutTuning tuning;

  PhaseRunner(Ledger ledger, Pacer pacer, RolloutActivities store, RolloutTuning tuning) {
    this.ledger = ledger;
    this.pacer = pacer;
    this.store = store;
    this.tuning = tuning;
  }

  /** Marks the phase the cursor entered as active. */
  static void activate(Ledger ledger) {
    if (ledger.cursor.stage() == Stage.ASSIGNING) {
      ledger.phases.state(ledger.cursor.phaseIndex(), PhaseState.ACTIVE);
      ledger.audit.record("PHASE_STARTED", "plan", "phase " + ledger.phase().name());
    }
  }

  void assign() {
    int index = ledger.cursor.phaseIndex();
    long waitMillis = ledger.cursor.nextWaveAtMillis() - Workflow.currentTimeMillis();
    if (waitMillis > 0) {
      pacer.sleep(Duration.ofMillis(waitMillis));
      return;
    }
    PhaseStatus status = ledger.phases.get(index);
    long remaining = Math.max(0, status.target() - status.assigned());
    WavePlanner.Wave wave =
        WavePlanner.next(
            ledger.plan().rate(),
            ledger.cursor.assignedTotal(),
            remaining,
            tuning.maxWavesPerPhase());
    WaveResult result =
        pacer.call(
            () ->
                store.assignWave(
                    new WaveRequest(ledger.rolloutId, index, wave.limit(), Pacer.now())));
    long nextWaveAt = Workflow.currentTimeMillis() + wave.pause().toMillis();
    ledger.moveTo(Cursors.assigned(ledger.cursor, result.assignedNow(), nextWaveAt));
    Measurement measurement = measure(false);
    if (stopped(measurement) || result.remaining() > 0) {
      return;
    }
    if (measurement.phase().assigned() == 0) {
      skip("no device of this phase's population was left to assign");
    } else {
      ledger.moveTo(Cursors.soaking(ledger.cursor, ledger.phase().soak()));
      ledger.audit.record(
          "SOAK_STARTED",
          "plan",
          "phase " + ledger.phase().name() + " for " + ledger.phase().soak());
    }
  }

  void soak() {
    Phase phase = ledger.phase();
    Duration left =
        Duration.ofMillis(ledger.cursor.soakTargetMillis() - ledger.cursor.soakedMillis());
    Duration every = tuning.measureEvery(phase.soak());
    Duration slice = left.compareTo(every) < 0 ? left : every;
    Duration waited = pacer.sleep(slice);
    ledger.moveTo(Cursors.soaked(ledger.cursor, waited));
    if (waited.compareTo(slice) < 0) {
      return; // something changed (a pause, a rollback, the window): the main loop decides
    }
    boolean ended = ledger.cursor.soakedMillis() >= ledger.cursor.soakTargetMillis();
    Measurement measurement = measure(ended);
    if (stopped(measurement) || !ended) {
      return;
    }
    if (measurement.gate().verdict() == Verdict.PASS || ledger.cursor.gateOverridden()) {
      pass(measurement.gate());
    } else {
      inconclusive(measurement.gate());
    }
  }

  void awaitApproval() {
    pacer.sleep(Duration.between(Pacer.now(), ledger.windowClosesAt()));
  }

  private Measurement measure(boolean soakEnded) {
    return measure(ledger.cursor.phaseIndex(), soakEnded);
  }

  /** Measures a phase (housekeeping, gate, brake) and records what it found. */
  Measurement measure(int index, boolean soakEnded) {
    Measurement m =
        pacer.call(
            () ->
                store.measure(new MeasureRequest(ledger.rolloutId, index, soakEnded, Pacer.now())));
    ledger.phases.measured(index, m.phase(), m.gate());
    Housekeeping.record(ledger, m);
    return m;
  }

  /** Applies the brake and a failed gate; true when the rollout left this phase's normal course. */
  private boolean stopped(Measurement m) {
    if (Housekeeping.brakeEngaged(ledger, m) || ledger.state != RolloutState.RUNNING) {
      return true; // braked, or paused, aborted or rolling back meanwhile
    }
    if (m.gate().verdict() != Verdict.FAIL || ledger.cursor.gateOverridden()) {
      return false;
    }
    Phase phase = ledger.phase();
    String reason =
        "gate failed in phase " + phase.name() + ": " + String.join("; ", m.gate().reasons());
    ledger.phases.state(ledger.cursor.phaseIndex(), PhaseState.FAILED);
    ledger.audit.record("GATE_FAILED", "gate", reason, m.gate().inputs());
    if (phase.onFailure() == Phase.OnFailure.ROLLBACK) {
      ledger.startRollback(reason, "gate", m.gate().inputs());
    } else {
      ledger.pauseForGate(reason);
    }
    return true;
  }

  private void pass(GateVerdict gate) {
    Phase phase = ledger.phase();
    ledger.phases.state(ledger.cursor.phaseIndex(), PhaseState.PASSED);
    String how = ledger.cursor.gateOverridden() ? "accepted by an operator" : "gate passed";
    ledger.audit.record(
        "PHASE_PASSED", "gate", "phase " + phase.name() + ": " + how, gate.inputs());
    if (phase.approval() == Phase.Approval.MANUAL) {
      ledger.state = RolloutState.AWAITING_APPROVAL;
      ledger.moveTo(Cursors.awaitingApproval(ledger.cursor));
      ledger.audit.record("AWAITING_APPROVAL", "plan", "phase " + phase.name());
    } else {
      next();
    }
  }

  private void inconclusive(GateVerdict gate) {
    Phase phase = ledger.phase();
    String reasons = String.join("; ", gate.reasons());
    if (ledger.cursor.soakTargetMillis() < phase.soak().toMillis() * 3) {
      ledger.moveTo(Cursors.extended(ledger.cursor, phase.soak()));
      ledger.audit.record(
          "SOAK_EXTENDED",
          "gate",
          "phase " + phase.name() + " inconclusive: " + reasons,
          gate.inputs());
    } else {
      ledger.pauseForGate(
          "gate of phase " + phase.name() + " still inconclusive after 3 x soak: " + reasons);
    }
  }

  private void skip(String why) {
    ledger.phases.state(ledger.cursor.phaseIndex(), PhaseState.SKIPPED);
    ledger.audit.record("PHASE_SKIPPED", "plan", "phase " + ledger.phase().name() + ": " + why);
    next();
  }

  private void next() {
    ledger.moveTo(Cursors.nextPhase(ledger.cursor, ledger.plan().phases().size()));
    activate(ledger);
  }
}
