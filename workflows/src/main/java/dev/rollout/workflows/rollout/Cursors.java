package dev.rollout.workflows.rollout;

import dev.rollout.workflows.rollout.Continuation.Cursor;
import java.time.Duration;

/** The cursor's moves, as pure functions. */
final class Cursors {

  private Cursors() {}

  static Cursor nextPhase(Cursor c, int phaseCount) {
    int next = c.phaseIndex() + 1;
    Edit e = new Edit(c);
    e.stage = next >= phaseCount ? Stage.DRAINING : Stage.ASSIGNING;
    e.phaseIndex = next;
    e.soakedMillis = 0;
    e.soakTargetMillis = 0;
    e.gateOverridden = false;
    e.nextWaveAtMillis = -1;
    return e.done();
  }

  static Cursor assigned(Cursor c, long assignedNow, long nextWaveAtMillis) {
    Edit e = new Edit(c);
    e.assignedTotal += assignedNow;
    e.nextWaveAtMillis = nextWaveAtMillis;
    return e.done();
  }

  static Cursor soaking(Cursor c, Duration soak) {
    Edit e = new Edit(c);
    e.stage = Stage.SOAKING;
    e.soakedMillis = 0;
    e.soakTargetMillis = soak.toMillis();
    e.nextWaveAtMillis = -1;
    return e.done();
  }

  static Cursor soaked(Cursor c, Duration elapsed) {
    Edit e = new Edit(c);
    e.soakedMillis += elapsed.toMillis();
    return e.done();
  }

  static Cursor extended(Cursor c, Duration by) {
    Edit e = new Edit(c);
    e.soakTargetMillis += by.toMillis();
    return e.done();
  }

  static Cursor overridden(Cursor c) {
    Edit e = new Edit(c);
    e.gateOverridden = true;
    return e.done();
  }

  static Cursor awaitingApproval(Cursor c) {
    Edit e = new Edit(c);
    e.stage = Stage.AWAITING_APPROVAL;
    return e.done();
  }

  static Cursor rollingBack(Cursor c, int fromPhase) {
    Edit e = new Edit(c);
    e.stage = Stage.ROLLING_BACK;
    e.rollbackPhase = fromPhase;
    return e.done();
  }

  static Cursor rolledBackPhase(Cursor c) {
    Edit e = new Edit(c);
    e.rollbackPhase--;
    return e.done();
  }

  static Cursor done(Cursor c) {
    Edit e = new Edit(c);
    e.stage = Stage.DONE;
    return e.done();
  }

  /** A copy of a cursor to change a few fields of. */
  private static final class Edit {
    Stage stage;
    int phaseIndex;
    long assignedTotal;
    long soakedMillis;
    long soakTargetMillis;
    boolean gateOverridden;
    long nextWaveAtMillis;
    int rollbackPhase;

    Edit(Cursor c) {
      stage = c.stage();
      phaseIndex = c.phaseIndex();
      assignedTotal = c.assignedTotal();
      soakedMillis = c.soakedMillis();
      soakTargetMillis = c.soakTargetMillis();
      gateOverridden = c.gateOverridden();
      nextWaveAtMillis = c.nextWaveAtMillis();
      rollbackPhase = c.rollbackPhase();
    }

    Cursor done() {
      return new Cursor(
          stage,
          phaseIndex,
          assignedTotal,
          soakedMillis,
          soakTargetMillis,
          gateOverridden,
          nextWaveAtMillis,
          rollbackPhase);
    }
  }
}
