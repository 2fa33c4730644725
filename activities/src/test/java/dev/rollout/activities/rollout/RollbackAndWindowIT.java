package dev.rollout.activities.rollout;

import static dev.rollout.activities.rollout.Fixture.ROLLOUT;
import static dev.rollout.activities.rollout.Fixture.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rollout.activities.testing.Outcomes;
import dev.rollout.workflows.rollout.CloseWindowRequest;
import dev.rollout.workflows.rollout.RollbackProgress;
import dev.rollout.workflows.rollout.RollbackRequest;
import dev.rollout.workflows.rollout.WaveRequest;
import dev.rollout.workflows.rollout.WindowClosure;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RollbackAndWindowIT {

  private final Fixture fixture = new Fixture().withFleet(1000);

  RollbackAndWindowIT() {
    fixture.prepare(ROLLOUT);
    fixture.activities.assignWave(new WaveRequest(ROLLOUT, 1, Long.MAX_VALUE, T0));
    fixture.activities.assignWave(new WaveRequest(ROLLOUT, 2, Long.MAX_VALUE, T0));
  }

  @Test
  void rollingBackCancelsPendingOffersAndOffersUpdatedDevicesTheirPreviousVersion() {
    Outcomes.complete(fixture.db, ROLLOUT, 2, 100, 7);
    Outcomes.startAll(fixture.db, ROLLOUT, 1, T0);
    Outcomes.defer(fixture.db, ROLLOUT, 2, 40, "BATTERY_LOW");

    RollbackProgress first = rollBack(2);
    RollbackProgress retried = rollBack(2);

    // 247 in the phase: 100 succeeded are offered, 7 failed stay, 140 pending/deferred cancelled
    assertThat(first).isEqualTo(new RollbackProgress(100, 0, 0, 140));
    assertThat(retried).isEqualTo(first);
    assertThat(first.done()).isFalse();
    assertThat(rollBack(1)).isEqualTo(new RollbackProgress(3, 0, 0, 140));
  }

  @Test
  void rollbackProgressFollowsTheDevicesReports() {
    Outcomes.complete(fixture.db, ROLLOUT, 2, 100, 0);
    rollBack(2);

    Outcomes.rollBackOffered(fixture.db, ROLLOUT, 2, 90, 10);
    // cancelled counts the whole rollout: 147 pending in phase 2 and 3 in phase 1
    RollbackProgress progress = rollBack(2);

    assertThat(progress).isEqualTo(new RollbackProgress(100, 90, 10, 150));
    assertThat(progress.done()).isTrue();
  }

  @Test
  void closingTheWindowMarksEveryOpenDeviceMissedWithItsReason() {
    Outcomes.complete(fixture.db, ROLLOUT, 2, 100, 0);
    Outcomes.defer(fixture.db, ROLLOUT, 2, 20, "NETWORK_METERED");
    Outcomes.startAll(fixture.db, ROLLOUT, 1, T0);
    Outcomes.seen(fixture.db, ROLLOUT, 2, T0.plusSeconds(10));
    // of the 127 still pending in phase 2, 27 were last seen before they were assigned
    TestDatabaseTables.update(
        fixture.db,
        "UPDATE devices SET last_seen_at = ? WHERE id IN (SELECT device_id FROM assignments"
            + " WHERE phase = 2 AND outcome = 'PENDING' ORDER BY device_id LIMIT 27)",
        T0.minusSeconds(10));

    WindowClosure closure = close();
    WindowClosure retried = close();

    assertThat(closure.missed())
        .isEqualTo(
            Map.of(
                "PREFLIGHT_NOT_MET", 20L,
                "STILL_IN_PROGRESS", 3L,
                "OFFLINE", 27L,
                "NOT_PICKED_UP", 100L));
    assertThat(retried).isEqualTo(closure);
    assertThat(
            TestDatabaseTables.count(
                fixture.db,
                "SELECT count(*) FROM assignments WHERE outcome = 'MISSED'"
                    + " AND missed_reason = 'PREFLIGHT_NOT_MET'"
                    + " AND deferred_reason = 'NETWORK_METERED'"))
        .isEqualTo(20);
  }

  @Test
  void devicesNeverSeenAreOffline() {
    assertThat(close().missed()).isEqualTo(Map.of("OFFLINE", 250L));
  }

  private RollbackProgress rollBack(int phase) {
    return fixture.activities.rollBackPhase(
        new RollbackRequest(ROLLOUT, phase, T0.plus(Duration.ofHours(1))));
  }

  private WindowClosure close() {
    return fixture.activities.closeWindow(
        new CloseWindowRequest(ROLLOUT, T0.plus(Duration.ofDays(14))));
  }
}
