package dev.rollout.activities.state;

import dev.rollout.activities.store.Jdbc;
import dev.rollout.activities.store.StoreFailures;
import dev.rollout.workflows.rollout.RolloutState;
import dev.rollout.workflows.rollout.StateChange;
import javax.sql.DataSource;

/**
 * Persists the rollout's state, which the device API reads to stop offers at once, and appends it
 * to the audit trail (once, even when retried: the audit row is unique per rollout, time and
 * event).
 */
public final class StateRecorder {

  private static final String UPDATE =
      """
      UPDATE rollouts SET state = ?, current_phase = ?, updated_at = ?,
        paused_reason = CASE WHEN ? THEN ? END,
        paused_by = CASE WHEN ? THEN ? END,
        paused_at = CASE WHEN ? THEN ?::timestamptz END
      WHERE id = ?
      """;

  private static final String AUDIT =
      """
      INSERT INTO audit (rollout_id, at, event, actor, detail) VALUES (?, ?, ?, ?, ?)
      ON CONFLICT DO NOTHING
      """;

  private final DataSource dataSource;

  public StateRecorder(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  public void record(StateChange change) {
    boolean paused = change.state() == RolloutState.PAUSED;
    Jdbc.inTransaction(
        dataSource,
        connection -> {
          long updated =
              Jdbc.update(
                  connection,
                  UPDATE,
                  change.state().name(),
                  change.phaseIndex(),
                  change.now(),
                  paused,
                  change.reason(),
                  paused,
                  change.by(),
                  paused,
                  change.now(),
                  change.rolloutId());
          if (updated == 0) {
            throw StoreFailures.rolloutNotFound(change.rolloutId());
          }
          Jdbc.update(
              connection,
              AUDIT,
              change.rolloutId(),
              change.now(),
              "STATE " + change.state().name(),
              change.by(),
              change.reason());
          return null;
        });
  }
}
