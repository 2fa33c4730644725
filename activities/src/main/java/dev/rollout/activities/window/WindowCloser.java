package dev.rollout.activities.window;

import dev.rollout.activities.store.Jdbc;
import dev.rollout.activities.store.Rollouts;
import dev.rollout.workflows.rollout.CloseWindowRequest;
import dev.rollout.workflows.rollout.WindowClosure;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * Closes a rollout's window: every device that never took the update becomes MISSED with the
 * reason. IN_PROGRESS devices are included (reason STILL_IN_PROGRESS): those silent past their
 * timeout are TIMED_OUT already, so the rest are still working on it as the window closes, and the
 * rollout must not wait for them. The result counts every MISSED device of the rollout, so a retry
 * returns the same figures.
 */
public final class WindowCloser {

  /** In SET, {@code a.outcome} is still the old outcome. */
  private static final String CLOSE =
      """
      UPDATE assignments a SET outcome = 'MISSED', updated_at = ?, finished_at = ?,
        missed_reason = CASE
          WHEN a.outcome = 'DEFERRED' THEN 'PREFLIGHT_NOT_MET'
          WHEN a.outcome = 'IN_PROGRESS' THEN 'STILL_IN_PROGRESS'
          WHEN d.last_seen_at IS NULL OR d.last_seen_at < a.assigned_at THEN 'OFFLINE'
          ELSE 'NOT_PICKED_UP' END
      FROM devices d
      WHERE d.id = a.device_id AND a.rollout_id = ?
        AND a.outcome IN ('PENDING', 'DEFERRED', 'IN_PROGRESS')
      """;

  private static final String MISSED =
      """
      SELECT coalesce(missed_reason, 'UNKNOWN'), count(*) FROM assignments
      WHERE rollout_id = ? AND outcome = 'MISSED' GROUP BY 1
      """;

  private final DataSource dataSource;

  public WindowCloser(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  public WindowClosure close(CloseWindowRequest request) {
    return Jdbc.inTransaction(dataSource, connection -> close(connection, request));
  }

  private static WindowClosure close(Connection connection, CloseWindowRequest request)
      throws SQLException {
    Rollouts.plan(connection, request.rolloutId()); // fails for good when the rollout is unknown
    Jdbc.lockRollout(connection, request.rolloutId());
    Jdbc.update(connection, CLOSE, request.now(), request.now(), request.rolloutId());
    Map<String, Long> missed = new TreeMap<>();
    for (Object[] group :
        Jdbc.query(
            connection,
            MISSED,
            row -> new Object[] {row.getString(1), row.getLong(2)},
            request.rolloutId())) {
      missed.put((String) group[0], (Long) group[1]);
    }
    return new WindowClosure(missed);
  }
}
