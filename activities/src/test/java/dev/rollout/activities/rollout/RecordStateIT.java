package dev.rollout.activities.rollout;

import static dev.rollout.activities.rollout.Fixture.ROLLOUT;
import static dev.rollout.activities.rollout.Fixture.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.rollout.activities.store.Jdbc;
import dev.rollout.activities.store.StoreFailures;
import dev.rollout.workflows.rollout.RolloutState;
import dev.rollout.workflows.rollout.StateChange;
import io.temporal.failure.ApplicationFailure;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecordStateIT {

  private final Fixture fixture = new Fixture().withFleet(10);

  @Test
  void pausingRecordsWhoAndWhyAndResumingClearsIt() {
    fixture.prepare(ROLLOUT);
    StateChange pause = new StateChange(ROLLOUT, RolloutState.PAUSED, 1, "gate", "bob", T0);

    fixture.activities.recordState(pause);
    fixture.activities.recordState(pause);
    List<String> paused = row();
    fixture.activities.recordState(
        new StateChange(ROLLOUT, RolloutState.RUNNING, 1, "fixed", "bob", T0.plusSeconds(5)));

    assertThat(paused).containsExactly("PAUSED", "1", "gate", "bob", "true");
    assertThat(row()).containsExactly("RUNNING", "1", null, null, "false");
    assertThat(TestDatabaseTables.count(fixture.db, "SELECT count(*) FROM audit")).isEqualTo(2);
  }

  @Test
  void anUnknownRolloutFailsForGood() {
    ApplicationFailure failure =
        catchThrowableOfType(
            ApplicationFailure.class,
            () ->
                fixture.activities.recordState(
                    new StateChange("nope", RolloutState.PAUSED, 0, "r", "b", T0)));

    assertThat(failure.getType()).isEqualTo(StoreFailures.ROLLOUT_NOT_FOUND);
  }

  private List<String> row() {
    return Jdbc.inTransaction(
            fixture.db,
            c ->
                Jdbc.query(
                    c,
                    "SELECT state, current_phase, paused_reason, paused_by, paused_at IS NOT NULL"
                        + " FROM rollouts WHERE id = ?",
                    r ->
                        java.util.Arrays.asList(
                            r.getString(1),
                            r.getString(2),
                            r.getString(3),
                            r.getString(4),
                            String.valueOf(r.getBoolean(5))),
                    ROLLOUT))
        .get(0);
  }
}
