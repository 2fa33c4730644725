package dev.rollout.activities.rollback;

import dev.rollout.activities.store.Jdbc;
import dev.rollout.activities.store.Rollouts;
import dev.rollout.definitions.plan.Plan;
import dev.rollout.workflows.rollout.RollbackProgress;
import dev.rollout.workflows.rollout.RollbackRequest;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Rolls back one phase (the saga's compensation). Idempotent and resumable: the updates only touch
 * rows not yet cancelled or offered, and the progress is read back from the store every time. The
 * device API completes the work when devices report (outcome ROLLED_BACK, rollback_state DONE or
 * FAILED).
 */
public final class PhaseRollback {

  /** Pending offers of the whole rollout stop: nothing new may start while rolling back. */
  private static final String CANCEL =
      """
      UPDATE assignments SET outcome = 'CANCELLED', updated_at = ?, finished_at = ?
      WHERE rollout_id = ? AND outcome IN ('PENDING', 'DEFERRED')
      """;

  /** Devices of the phase that updated, or may be updating, are offered their previous version. */
  private static final String OFFER =
      """
      UPDATE assignments SET rollback_state = 'OFFERED', updated_at = ?
      WHERE rollout_id = ? AND phase = ? AND outcome IN ('SUCCEEDED', 'IN_PROGRESS')
        AND rollback_state IS NULL
      """;

  private static final String PROGRESS =
      """
      SELECT count(*) FILTER (WHERE phase = ? AND (rollback_state IS NOT NULL
                                                   OR outcome = 'ROLLED_BACK')),
             count(*) FILTER (WHERE phase = ? AND (rollback_state = 'DONE'
                                                   OR outcome = 'ROLLED_BACK')),
             count(*) FILTER (WHERE phase = ? AND rollback_state = 'FAILED'),
             count(*) FILTER (WHERE outcome = 'CANCELLED')
      FROM assignments WHERE rollout_id = ?
      """;

  private final DataSource dataSource;

  public PhaseRollback(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  public RollbackProgress rollBack(RollbackRequest request) {
    return Jdbc.inTransaction(dataSource, connection -> rollBack(connection, request));
  }

  private static RollbackProgress rollBack(Connection connection, RollbackRequest request)
      throws SQLException {
    String rolloutId = request.rolloutId();
    Plan plan = Rollouts.plan(connection, rolloutId);
    Rollouts.checkPhase(plan, rolloutId, request.phaseIndex());
    Jdbc.lockRollout(connection, rolloutId);
    Jdbc.update(connection, CANCEL, request.now(), request.now(), rolloutId);
    Jdbc.update(connection, OFFER, request.now(), rolloutId, request.phaseIndex());
    int phase = request.phaseIndex();
    return Jdbc.query(
            connection,
            PROGRESS,
            row ->
                new RollbackProgress(
                    row.getLong(1), row.getLong(2), row.getLong(3), row.getLong(4)),
            phase,
            phase,
            phase,
            rolloutId)
        .get(0);
  }
}
