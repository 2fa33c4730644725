package dev.rollout.activities.rollout;

import static dev.rollout.activities.rollout.Fixture.ROLLOUT;
import static dev.rollout.activities.rollout.Fixture.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.rollout.activities.store.Jdbc;
import dev.rollout.activities.store.StoreFailures;
import dev.rollout.workflows.rollout.WaveRequest;
import dev.rollout.workflows.rollout.WaveResult;
import io.temporal.failure.ApplicationFailure;
import java.util.List;
import org.junit.jupiter.api.Test;

class AssignWaveIT {

  private final Fixture fixture = new Fixture().withFleet(1000);

  @Test
  void assignsTheCumulativePercentOnceEvenWhenRetried() {
    fixture.prepare(ROLLOUT);

    WaveResult first = wave(2, Long.MAX_VALUE);
    WaveResult retried = wave(2, Long.MAX_VALUE);

    assertThat(first).isEqualTo(new WaveResult(250, 250, 0));
    assertThat(retried).isEqualTo(new WaveResult(0, 250, 0));
    assertThat(
            TestDatabaseTables.count(
                fixture.db,
                "SELECT count(*) FROM assignments WHERE phase = 2 AND outcome = 'PENDING'"
                    + " AND target_version = '2.4.0' AND previous_version = '2.3.0'"
                    + " AND assigned_at = ?",
                T0))
        .isEqualTo(250);
  }

  @Test
  void wavesHonourTheirLimit() {
    fixture.prepare(ROLLOUT);

    assertThat(List.of(wave(2, 100), wave(2, 100), wave(2, 100), wave(2, 100)))
        .containsExactly(
            new WaveResult(100, 100, 150),
            new WaveResult(100, 200, 50),
            new WaveResult(50, 250, 0),
            new WaveResult(0, 250, 0));
  }

  @Test
  void devicesAssignedInAnEarlierPhaseCountTowardsTheNextPercent() {
    fixture.prepare(ROLLOUT);
    assertThat(wave(0, Long.MAX_VALUE)).isEqualTo(new WaveResult(1, 1, 0));
    assertThat(wave(1, Long.MAX_VALUE)).isEqualTo(new WaveResult(3, 3, 0));

    WaveResult quarter = wave(2, Long.MAX_VALUE);

    assertThat(quarter).isEqualTo(new WaveResult(246, 250, 0));
    assertThat(TestDatabaseTables.count(fixture.db, "SELECT count(*) FROM assignments"))
        .isEqualTo(250);
    assertThat(wave(3, Long.MAX_VALUE)).isEqualTo(new WaveResult(750, 1000, 0));
  }

  @Test
  void aReRunOfTheSameRolloutPicksTheSameDevicesInStableOrder() {
    fixture.prepare(ROLLOUT);
    wave(2, 100);
    List<String> firstRun = assigned(ROLLOUT);
    TestDatabaseTables.update(fixture.db, "DELETE FROM assignments");

    fixture.prepare(ROLLOUT);
    wave(2, 100);
    fixture.prepare("r-other");
    fixture.activities.assignWave(new WaveRequest("r-other", 2, 100, T0));

    assertThat(assigned(ROLLOUT)).isEqualTo(firstRun);
    assertThat(assigned("r-other")).isNotEqualTo(firstRun);
  }

  @Test
  void anUnknownRolloutOrPhaseFailsForGood() {
    ApplicationFailure unknown =
        catchThrowableOfType(
            ApplicationFailure.class,
            () -> fixture.activities.assignWave(new WaveRequest("nope", 0, 1, T0)));
    fixture.prepare(ROLLOUT);
    ApplicationFailure phase = catchThrowableOfType(ApplicationFailure.class, () -> wave(4, 1));

    assertThat(unknown.getType()).isEqualTo(StoreFailures.ROLLOUT_NOT_FOUND);
    assertThat(unknown.isNonRetryable()).isTrue();
    assertThat(phase.getType()).isEqualTo(StoreFailures.PHASE_OUT_OF_RANGE);
  }

  private WaveResult wave(int phase, long limit) {
    return fixture.activities.assignWave(new WaveRequest(ROLLOUT, phase, limit, T0));
  }

  private List<String> assigned(String rolloutId) {
    return Jdbc.inTransaction(
        fixture.db,
        c ->
            Jdbc.query(
                c,
                "SELECT device_id FROM assignments WHERE rollout_id = ? ORDER BY device_id",
                row -> row.getString(1),
                rolloutId));
  }
}
