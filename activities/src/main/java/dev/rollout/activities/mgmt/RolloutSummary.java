package dev.rollout.activities.mgmt;

import dev.rollout.activities.store.Jdbc;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import javax.sql.DataSource;

/**
 * A rollout as the {@code rollouts} table knows it (the workflow's Pacer records every state change
 * there), so listing needs no Temporal visibility query: the embedded server has none.
 *
 * @param currentPhase the current phase's name; null before the first phase and after the last
 */
public record RolloutSummary(
    String rolloutId,
    String plan,
    String release,
    String state,
    String currentPhase,
    String pausedReason,
    String requestedBy,
    String startedAt,
    String updatedAt) {

  private static final String LIST =
      """
      SELECT r.id, r.plan_name, r.release, r.state, p.name, r.paused_reason, r.requested_by,
             r.started_at, r.updated_at
      FROM rollouts r
      LEFT JOIN rollout_phases p ON p.rollout_id = r.id AND p.phase = r.current_phase
      ORDER BY r.started_at DESC, r.id
      LIMIT ?
      """;

  /** The most recently started rollouts first. */
  public static List<RolloutSummary> list(DataSource dataSource, int limit) {
    return Jdbc.inTransaction(
        dataSource, connection -> Jdbc.query(connection, LIST, RolloutSummary::map, limit));
  }

  private static RolloutSummary map(ResultSet row) throws SQLException {
    return new RolloutSummary(
        row.getString(1),
        row.getString(2),
        row.getString(3),
        row.getString(4),
        row.getString(5),
        row.getString(6),
        row.getString(7),
        iso(row.getTimestamp(8)),
        iso(row.getTimestamp(9)));
  }

  static String iso(Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant().toString();
  }
}
