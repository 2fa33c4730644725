package dev.rollout.activities.mgmt;

import static java.util.Objects.requireNonNull;

import dev.rollout.activities.mgmt.SupportQueue.Advice;
import dev.rollout.activities.store.Jdbc;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The one read of the open support queue, for both its views: the mgmt API ({@link
 * SupportQueue#open}, oldest first) and the dashboard (newest first). A case's error code is the
 * one it was quarantined with (its assignment's last one when it has none); the playbook's entry
 * for that code comes with it, and the {@code DEFAULT} entry for views that fall back to it.
 */
public final class SupportCases {

  /** Which end of the queue a read starts from. */
  public enum Order {
    OLDEST_FIRST("q.entered_at, q.rollout_id, q.device_id"),
    NEWEST_FIRST("q.entered_at DESC, q.device_id");

    private final String sql;

    Order(String sql) {
      this.sql = sql;
    }
  }

  /**
   * An open case with what its assignment, its device and the playbook say.
   *
   * @param phase the phase's name ({@code phase-<n>} without one); null when the assignment is gone
   * @param advice the playbook's entry for {@code errorCode}; null without one
   * @param fallback the playbook's {@code DEFAULT} entry; null without one
   */
  public record Case(
      String rolloutId,
      String deviceId,
      String phase,
      String reason,
      String errorCode,
      Instant enteredAt,
      String outcome,
      int attempts,
      String errorDetail,
      String hardwareModel,
      String version,
      Advice advice,
      Advice fallback) {

    public Case {
      requireNonNull(rolloutId, "rolloutId");
      requireNonNull(deviceId, "deviceId");
      requireNonNull(reason, "reason");
      requireNonNull(enteredAt, "enteredAt");
    }
  }

  private static final String OPEN =
      """
      SELECT q.rollout_id, q.device_id, coalesce(rp.name, 'phase-' || a.phase), q.reason,
             coalesce(q.error_code, a.last_error_code), q.entered_at, a.outcome,
             coalesce(a.attempts, 0), a.last_error_detail, d.hardware_model, d.reported_version,
             p.error_code, p.cause, p.next_steps, p.retryable,
             g.error_code, g.cause, g.next_steps, g.retryable
      FROM support_queue q
      LEFT JOIN assignments a ON a.rollout_id = q.rollout_id AND a.device_id = q.device_id
      LEFT JOIN rollout_phases rp ON rp.rollout_id = a.rollout_id AND rp.phase = a.phase
      LEFT JOIN devices d ON d.id = q.device_id
      LEFT JOIN playbook p ON p.error_code = coalesce(q.error_code, a.last_error_code)
      LEFT JOIN playbook g ON g.error_code = 'DEFAULT'
      WHERE q.released_at IS NULL
      ORDER BY %s
      LIMIT ?
      """;

  private static final String TOTAL =
      "SELECT count(*) FROM support_queue WHERE released_at IS NULL";

  private SupportCases() {}

  /** At most {@code limit} open cases from the given end. */
  public static List<Case> open(Connection connection, Order order, int limit) throws SQLException {
    return Jdbc.query(connection, OPEN.formatted(order.sql), SupportCases::row, limit);
  }

  /** Every open case. */
  public static long total(Connection connection) throws SQLException {
    return Jdbc.queryLong(connection, TOTAL);
  }

  private static Case row(ResultSet row) throws SQLException {
    return new Case(
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
        advice(row, 12),
        advice(row, 16));
  }

  private static Advice advice(ResultSet row, int column) throws SQLException {
    String code = row.getString(column);
    return code == null
        ? null
        : new Advice(
            code, row.getString(column + 1), row.getString(column + 2), row.getBoolean(column + 3));
  }
}
