package dev.rollout.activities.dashboard;

import dev.rollout.activities.dashboard.StoreDashboard.SupportCase;
import dev.rollout.activities.dashboard.StoreDashboard.SupportQueue;
import dev.rollout.activities.store.Jdbc;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The one read of the open support queue, for both its views: the dashboard (newest first, bounded,
 * with the total) and the mgmt API's {@code SupportQueue} (oldest first, which falls back to the
 * playbook's {@code DEFAULT} entry). Each case comes with its assignment and the playbook's advice
 * for its error code: the one it was quarantined with, else its assignment's last one.
 */
public final class SupportQueries {

  /** Which end of the queue a read starts from. */
  public enum Order {
    OLDEST_FIRST("q.entered_at, q.rollout_id, q.device_id"),
    NEWEST_FIRST("q.entered_at DESC, q.device_id");

    private final String sql;

    Order(String sql) {
      this.sql = sql;
    }
  }

  private static final String OPEN =
      """
      SELECT q.rollout_id, q.device_id, coalesce(rp.name, 'phase-' || a.phase), q.reason,
             coalesce(q.error_code, a.last_error_code) AS code, q.entered_at, a.outcome,
             coalesce(a.attempts, 0), a.last_error_detail, d.hardware_model, d.reported_version,
             p.cause, p.next_steps, p.retryable
      FROM support_queue q
      LEFT JOIN assignments a ON a.rollout_id = q.rollout_id AND a.device_id = q.device_id
      LEFT JOIN rollout_phases rp ON rp.rollout_id = a.rollout_id AND rp.phase = a.phase
      LEFT JOIN devices d ON d.id = q.device_id
      LEFT JOIN playbook p ON p.error_code = coalesce(q.error_code, a.last_error_code)
      WHERE q.released_at IS NULL
      ORDER BY %s
      LIMIT ?
      """;

  private static final String TOTAL =
      "SELECT count(*) FROM support_queue WHERE released_at IS NULL";

  private SupportQueries() {}

  /** At most {@code limit} open cases from the given end of the queue. */
  public static List<SupportCase> open(Connection connection, Order order, int limit)
      throws SQLException {
    return Jdbc.query(connection, OPEN.formatted(order.sql), SupportQueries::row, limit);
  }

  static SupportQueue read(Connection connection, int limit) throws SQLException {
    return new SupportQueue(
        Jdbc.queryLong(connection, TOTAL), open(connection, Order.NEWEST_FIRST, limit));
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
