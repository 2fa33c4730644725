package dev.rollout.definitions.device;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rollout.definitions.device.DeviceEvent.Header;
import dev.rollout.definitions.device.Transitions.Step;
import dev.rollout.definitions.version.SemVer;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TransitionsTest {

  static final SemVer OLD = SemVer.parse("2.3.0");
  static final SemVer STONE = SemVer.parse("2.3.5");
  static final SemVer TARGET = SemVer.parse("2.4.0");
  static int ids;

  static Header header() {
    return new Header("e" + ids++, "rollout-x", Instant.parse("2026-11-28T02:00:00Z"));
  }

  static AssignmentState apply(AssignmentState state, DeviceEvent... events) {
    for (DeviceEvent event : events) {
      Step step = Transitions.apply(state, event, 3);
      assertThat(step)
          .as("%s on %s", event.type(), state.outcome())
          .isInstanceOf(Step.Applied.class);
      state = ((Step.Applied) step).next();
    }
    return state;
  }

  /** The state as the rollback activity leaves it: everything kept, the rollback offered. */
  static AssignmentState rollbackOffered(AssignmentState state) {
    AssignmentState.Draft draft = state.draft();
    draft.rollbackState = RollbackState.OFFERED;
    return draft.done();
  }

  static DeviceEvent started(SemVer version) {
    return new DeviceEvent.DownloadStarted(header(), version, false);
  }

  static DeviceEvent rebooted(SemVer version) {
    return new DeviceEvent.Rebooted(header(), version);
  }

  static DeviceEvent healthy(SemVer version) {
    return new DeviceEvent.Health(header(), true, version);
  }

  @Test
  void fullUpdateSucceedsAfterRebootAndHealth() {
    AssignmentState done =
        apply(
            AssignmentState.pending(TARGET, OLD),
            started(TARGET),
            new DeviceEvent.DownloadFinished(header(), 1200),
            new DeviceEvent.Verified(header()),
            new DeviceEvent.Installed(header(), 800),
            rebooted(TARGET),
            healthy(TARGET));
    assertThat(done.outcome()).isEqualTo(Outcome.SUCCEEDED);
    assertThat(done.attempts()).isEqualTo(1);
    assertThat(done.downloadMs()).isEqualTo(1200);
    assertThat(done.installMs()).isEqualTo(800);
    assertThat(done.healthy()).isTrue();
  }

  @Test
  void rebootIntoThePreviousVersionIsASilentFallback() {
    AssignmentState state =
        apply(AssignmentState.pending(TARGET, OLD), started(TARGET), rebooted(OLD));
    assertThat(state.outcome()).isEqualTo(Outcome.FAILED);
    assertThat(state.lastErrorCode()).isEqualTo(Transitions.SILENT_FALLBACK);
  }

  @Test
  void healthBeforeRebootIsOutOfOrder() {
    AssignmentState state = apply(AssignmentState.pending(TARGET, OLD), started(TARGET));
    assertThat(Transitions.apply(state, healthy(TARGET), 3)).isInstanceOf(Step.OutOfOrder.class);
  }

  @Test
  void steppingStoneGoesBackToPending() {
    AssignmentState state =
        apply(
            AssignmentState.pending(TARGET, OLD), started(STONE), rebooted(STONE), healthy(STONE));
    assertThat(state.outcome()).isEqualTo(Outcome.PENDING);
    assertThat(state.installingVersion()).isNull();
    state = apply(state, started(TARGET), rebooted(TARGET), healthy(TARGET));
    assertThat(state.outcome()).isEqualTo(Outcome.SUCCEEDED);
    assertThat(state.attempts()).isEqualTo(2);
  }

  @Test
  void unhealthyFails() {
    AssignmentState state =
        apply(
            AssignmentState.pending(TARGET, OLD),
            started(TARGET),
            rebooted(TARGET),
            new DeviceEvent.Health(header(), false, TARGET));
    assertThat(state.outcome()).isEqualTo(Outcome.FAILED);
    assertThat(state.lastErrorCode()).isEqualTo(Transitions.HEALTH_CHECK_FAILED);
  }

  @Test
  void retriesOnlyWhileAttemptsAreLeft() {
    AssignmentState state = AssignmentState.pending(TARGET, OLD);
    for (int i = 0; i < 3; i++) {
      state = apply(state, started(TARGET), new DeviceEvent.Failed(header(), "INSTALL_FAILED", ""));
    }
    assertThat(state.attempts()).isEqualTo(3);
    Step step = Transitions.apply(state, started(TARGET), 3);
    assertThat(step).isInstanceOf(Step.OutOfOrder.class);
    assertThat(((Step.OutOfOrder) step).message()).contains("all 3 attempts");
  }

  @Test
  void deltaFailureIsNotAFailure() {
    AssignmentState state =
        apply(
            AssignmentState.pending(TARGET, OLD),
            new DeviceEvent.DownloadStarted(header(), TARGET, true),
            new DeviceEvent.Failed(header(), Transitions.DELTA_FAILED, "bad patch"));
    assertThat(state.outcome()).isEqualTo(Outcome.IN_PROGRESS);
    assertThat(state.usedDelta()).isFalse();
  }

  @Test
  void eventsOnAFinishedAssignmentAreOutOfOrder() {
    AssignmentState done =
        apply(
            AssignmentState.pending(TARGET, OLD),
            started(TARGET),
            rebooted(TARGET),
            healthy(TARGET));
    assertThat(Transitions.apply(done, new DeviceEvent.Installed(header(), 1), 3))
        .isInstanceOf(Step.OutOfOrder.class);
    assertThat(Transitions.apply(done, new DeviceEvent.RolledBack(header(), OLD), 3))
        .isInstanceOf(Step.OutOfOrder.class);
    // post-update health is still recorded
    assertThat(apply(done, new DeviceEvent.Health(header(), false, TARGET)).healthy()).isFalse();
  }

  @Test
  void rollbackEventsApplyToAnOfferedRollback() {
    AssignmentState done =
        apply(
            AssignmentState.pending(TARGET, OLD),
            started(TARGET),
            rebooted(TARGET),
            healthy(TARGET));
    AssignmentState offered = rollbackOffered(done);
    assertThat(Transitions.apply(offered, new DeviceEvent.RolledBack(header(), STONE), 3))
        .isInstanceOf(Step.OutOfOrder.class);
    AssignmentState back =
        apply(offered, started(OLD), rebooted(OLD), new DeviceEvent.RolledBack(header(), OLD));
    assertThat(back.outcome()).isEqualTo(Outcome.ROLLED_BACK);
    assertThat(back.rollbackState()).isEqualTo(RollbackState.DONE);
    AssignmentState failed =
        apply(offered, new DeviceEvent.RollbackFailed(header(), "INSTALL_FAILED", "disk"));
    assertThat(failed.rollbackState()).isEqualTo(RollbackState.FAILED);
    assertThat(failed.outcome()).isEqualTo(Outcome.SUCCEEDED);
  }

  @Test
  void aDeviceMidUpdateWhenTheRollbackIsOfferedFinishesTheUpdateThenRollsBack() {
    AssignmentState installing = apply(AssignmentState.pending(TARGET, OLD), started(TARGET));
    AssignmentState offered = rollbackOffered(installing);
    AssignmentState updated =
        apply(offered, new DeviceEvent.Installed(header(), 800), rebooted(TARGET), healthy(TARGET));
    assertThat(updated.outcome()).isEqualTo(Outcome.SUCCEEDED);
    assertThat(updated.rollbackState()).isEqualTo(RollbackState.OFFERED);
    // the rollback's own steps (to the previous version) still leave the assignment alone
    AssignmentState back =
        apply(updated, started(OLD), rebooted(OLD), new DeviceEvent.RolledBack(header(), OLD));
    assertThat(back.outcome()).isEqualTo(Outcome.ROLLED_BACK);
    assertThat(back.rollbackState()).isEqualTo(RollbackState.DONE);
  }

  @Test
  void deferredEventRecordsTheReason() {
    AssignmentState state =
        apply(
            AssignmentState.pending(TARGET, OLD), new DeviceEvent.Deferred(header(), "USER_BUSY"));
    assertThat(state.outcome()).isEqualTo(Outcome.DEFERRED);
    assertThat(state.deferredReason()).isEqualTo("USER_BUSY");
  }
}
