package dev.rollout.definitions.device;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rollout.definitions.device.OfferDecision.Assignment;
import dev.rollout.definitions.device.OfferDecision.Releases;
import dev.rollout.definitions.plan.DevicePolicy;
import dev.rollout.definitions.plan.NetworkPolicy.Metered;
import dev.rollout.definitions.policy.AvailableRelease;
import dev.rollout.definitions.policy.ReleaseCatalog;
import dev.rollout.definitions.policy.VersionPolicy;
import dev.rollout.definitions.version.SemVer;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OfferDecisionTest {

  static final SemVer OLD = SemVer.parse("2.3.0");
  static final SemVer STONE = SemVer.parse("2.3.5");
  static final SemVer TARGET = SemVer.parse("2.4.0");

  static final Releases RELEASES =
      new Releases(
          new VersionPolicy(SemVer.parse("2.0.0"), 1, List.of()),
          ReleaseCatalog.of(
              new AvailableRelease(OLD, Set.of("th-100"), 1, false),
              new AvailableRelease(STONE, Set.of("th-100"), 1, true),
              new AvailableRelease(TARGET, Set.of("th-100"), 1, false)),
          Map.of(OLD, 100L, STONE, 200L, TARGET, 300L));

  static final DevicePolicy POLICY = PreflightTest.policy(30, null, 0, Metered.ALLOW);

  static CheckInReport at(SemVer version, int battery) {
    return new CheckInReport(
        version,
        "th-100",
        battery,
        false,
        null,
        CheckInReport.NetworkReport.UNKNOWN,
        java.time.OffsetDateTime.parse("2026-11-28T12:00:00Z"));
  }

  static Decision decide(AssignmentState state, String rollout, CheckInReport report) {
    return OfferDecision.decide(new Assignment(state, rollout, POLICY), RELEASES, report, "th-100");
  }

  @Test
  void offersTheSteppingStoneFirstThenTheTarget() {
    AssignmentState pending = AssignmentState.pending(TARGET, OLD);
    assertThat(decide(pending, "RUNNING", at(OLD, 80)))
        .isEqualTo(new Decision.Update(STONE, true, false, 400));
    assertThat(decide(pending, "RUNNING", at(STONE, 80)))
        .isEqualTo(new Decision.Update(TARGET, false, false, 600));
  }

  @Test
  void pausedRolloutOffersNothing() {
    assertThat(decide(AssignmentState.pending(TARGET, STONE), "PAUSED", at(STONE, 80)))
        .isEqualTo(new Decision.None());
  }

  @Test
  void lowBatteryDefersAndIsRecordedForPendingDevices() {
    assertThat(decide(AssignmentState.pending(TARGET, STONE), "RUNNING", at(STONE, 10)))
        .isEqualTo(new Decision.Defer(DeferReason.LOW_BATTERY, true));
  }

  @Test
  void offeredRollbackInstallsThePreviousVersion() {
    AssignmentState offered =
        new AssignmentState(
            Outcome.SUCCEEDED,
            1,
            TARGET,
            OLD,
            RollbackState.OFFERED,
            TARGET,
            false,
            true,
            true,
            null,
            null,
            null,
            null,
            null);
    assertThat(decide(offered, "ROLLING_BACK", at(TARGET, 80)))
        .isEqualTo(new Decision.Rollback(OLD));
  }

  @Test
  void abortedRolloutCancelsAnUpdateInProgress() {
    AssignmentState started =
        new AssignmentState(
            Outcome.IN_PROGRESS,
            1,
            TARGET,
            STONE,
            null,
            TARGET,
            false,
            null,
            null,
            null,
            null,
            null,
            null,
            null);
    assertThat(decide(started, "ABORTED", at(STONE, 80))).isEqualTo(new Decision.Cancel());
    assertThat(decide(started, "PAUSED", at(STONE, 80)))
        .isEqualTo(new Decision.Update(TARGET, false, false, 600));
  }

  @Test
  void noRetryWithoutAttemptsLeft() {
    AssignmentState failed =
        new AssignmentState(
            Outcome.FAILED,
            3,
            TARGET,
            STONE,
            null,
            TARGET,
            false,
            null,
            null,
            null,
            null,
            "INSTALL_FAILED",
            "",
            null);
    assertThat(decide(failed, "RUNNING", at(STONE, 80))).isEqualTo(new Decision.None());
  }
}
