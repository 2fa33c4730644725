package dev.rollout.activities.dashboard;

import dev.rollout.activities.dashboard.StoreDashboard.SupportCase;
import dev.rollout.activities.dashboard.StoreDashboard.SupportQueue;
import dev.rollout.activities.store.Jdbc;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;

/**
 * The open support queue, newest first and bounded, with each device's assignment and the
 * playbook's advice for its error code.
 */
final class SupportQueries {

  private static final String COLUMNS =
      """
      SELECT q.rollout_id, q.device_id, coalesce(rp.name, 'phase-' || a.phase), q.reason,
             coalesce(q.error_code, a.last_error_code) AS code, q.entered_at, a.outcome,
             coalesce(a.attempts, 0), a.last_error_detail, d.hardware_model, d.reported_version
      """;

  private static final String FROM =
      """
      FROM support_queue q
      LEFT JOIN assignments a ON a.rollout_id = q.rollout_id AND a.device_id = q.device_id
      LEFT JOIN rollout_phases rp ON rp.rollout_id = a.rollout_id AND rp.phase = a.phase
      LEFT JOIN devices d ON d.id = q.device_id
      """;

  private static final String OPEN_NEWEST_FIRST =
      COLUMNS
          + ", p.cause, p.next_steps, p.retryable "
          + FROM
          + " LEFT JOIN playbook p ON p.error_code = coalesce(q.error_code, a.last_error_code)"
          + " WHERE q.released_at IS NULL ORDER BY q.entered_at DESC, q.device_id LIMIT ?";

  private static final String TOTAL =
      "SELECT count(*) FROM support_queue WHERE released_at IS NULL";

  private SupportQueries() {}

  static SupportQueue read(Connection connection, int limit) throws SQLException {
    return new SupportQueue(
        Jdbc.queryLong(connection, TOTAL),
        Jdbc.query(connection, OPEN_NEWEST_FIRST, SupportQueries::row, limit));
  }

  private static SupportCase row(ResultSet row) throws SQLException {
    return new SupportCase(
        row.getString(1),
        row.getString(2),
        row.getString(3),
        row.getString(4),
        row.getString(5),
        row.getObject(6, OffsetDateTime.class).toInstant(),
        row.getString(7),
        row.getInt(8),
        row.getString(9),
        row.getString(10),
        row.getString(11),
        row.getString(12),
        row.getString(13),
        (Boolean) row.getObject(14));
  }
}
