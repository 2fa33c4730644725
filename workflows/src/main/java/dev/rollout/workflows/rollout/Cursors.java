package dev.rollout.workflows.rollout;

import dev.rollout.workflows.rollout.Continuation.Cursor;
import java.time.Duration;

/** The cursor's moves, as pure functions. */
final class Cursors {

  private Cursors() {}

  static Cursor nextPhase(Cursor c, int phaseCount) {
    int next = c.phaseIndex() + 1;
    Stage stage = next >= phaseCount ? Stage.DRAINING : Stage.ASSIGNING;
    return new Cursor(stage, next, c.assignedTotal(), 0, 0, false, -1, c.rollbackPhase());
  }

  static Cursor assigned(Cursor c, long assignedNow, long nextWaveAtMillis) {
    return new Cursor(
        c.stage(),
        c.phaseIndex(),
        c.assignedTotal() + assignedNow,
        c.soakedMillis(),
        c.soakTargetMillis(),
        c.gateOverridden(),
        nextWaveAtMillis,
        c.rollbackPhase());
  }

  static Cursor soaking(Cursor c, Duration soak) {
    return new Cursor(
        Stage.SOAKING,
        c.phaseIndex(),
        c.assignedTotal(),
        0,
        soak.toMillis(),
        c.gateOverridden(),
        -1,
        c.rollbackPhase());
  }

  static Cursor soaked(Cursor c, Duration elapsed) {
    return new Cursor(
        c.stage(),
        c.phaseIndex(),
        c.assignedTotal(),
        c.soakedMillis() + elapsed.toMillis(),
        c.soakTargetMillis(),
        c.gateOverridden(),
        c.nextWaveAtMillis(),
        c.rollbackPhase());
  }

  static Cursor extended(Cursor c, Duration by) {
    return new Cursor(
        c.stage(),
        c.phaseIndex(),
        c.assignedTotal(),
        c.soakedMillis(),
        c.soakTargetMillis() + by.toMillis(),
        c.gateOverridden(),
        c.nextWaveAtMillis(),
        c.rollbackPhase());
  }

  static Cursor overridden(Cursor c) {
    return new Cursor(
        c.stage(),
        c.phaseIndex(),
        c.assignedTotal(),
        c.soakedMillis(),
        c.soakTargetMillis(),
        true,
        c.nextWaveAtMillis(),
        c.rollbackPhase());
  }

  static Cursor awaitingApproval(Cursor c) {
    return withStage(c, Stage.AWAITING_APPROVAL);
  }

  static Cursor rollingBack(Cursor c, int fromPhase) {
    return new Cursor(
        Stage.ROLLING_BACK,
        c.phaseIndex(),
        c.assignedTotal(),
        c.soakedMillis(),
        c.soakTargetMillis(),
        c.gateOverridden(),
        c.nextWaveAtMillis(),
        fromPhase);
  }

  static Cursor rolledBackPhase(Cursor c) {
    return new Cursor(
        c.stage(),
        c.phaseIndex(),
        c.assignedTotal(),
        c.soakedMillis(),
        c.soakTargetMillis(),
        c.gateOverridden(),
        c.nextWaveAtMillis(),
        c.rollbackPhase() - 1);
  }

  static Cursor done(Cursor c) {
    return withStage(c, Stage.DONE);
  }

  private static Cursor withStage(Cursor c, Stage stage) {
    return new Cursor(
        stage,
        c.phaseIndex(),
        c.assignedTotal(),
        c.soakedMillis(),
        c.soakTargetMillis(),
        c.gateOverridden(),
        c.nextWaveAtMillis(),
        c.rollbackPhase());
  }
}
