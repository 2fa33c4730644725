package dev.rollout.activities.metrics;

import static java.util.Objects.requireNonNull;

import dev.rollout.activities.store.Jdbc;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;

/**
 * Reads what the metrics endpoint exports, in a handful of aggregate queries over small tables
 * (assignment counts kept by triggers, rollouts, audit) and one grouped scan of the failed rows.
 * Only rollouts active or updated within {@code recent} are exported, which bounds the label sets.
 */
public final class MetricsReader {

  private static final String OUTCOMES =
      """
      SELECT c.rollout_id, coalesce(p.name, 'phase-' || c.phase), c.outcome, sum(c.devices)::bigint
      FROM assignment_counts c
      JOIN rollouts r ON r.id = c.rollout_id
      LEFT JOIN rollout_phases p ON p.rollout_id = c.rollout_id AND p.phase = c.phase
      WHERE r.updated_at >= ? OR r.state IN ('RUNNING', 'PAUSED', 'AWAITING_APPROVAL', 'ROLLING_BACK')
      GROUP BY 1, 2, 3 HAVING sum(c.devices) > 0
      """;

  private static final String FAILURES =
      """
      SELECT a.rollout_id, coalesce(a.last_error_code, 'UNKNOWN'), count(*)
      FROM assignments a JOIN rollouts r ON r.id = a.rollout_id
      WHERE a.outcome IN ('FAILED', 'TIMED_OUT', 'QUARANTINED')
        AND (r.updated_at >= ? OR r.state IN ('RUNNING', 'PAUSED', 'AWAITING_APPROVAL', 'ROLLING_BACK'))
      GROUP BY 1, 2
      """;

  private static final String VERDICTS =
      """
      SELECT a.rollout_id, a.event, count(*) FROM audit a JOIN rollouts r ON r.id = a.rollout_id
      WHERE a.event IN ('PHASE_PASSED', 'GATE_FAILED', 'GATE_OVERRIDDEN', 'ROLLBACK_STARTED')
        AND (r.updated_at >= ? OR r.state IN ('RUNNING', 'PAUSED', 'AWAITING_APPROVAL', 'ROLLING_BACK'))
      GROUP BY 1, 2
      """;

  private static final String STATES =
      """
      SELECT id, state FROM rollouts
      WHERE updated_at >= ? OR state IN ('RUNNING', 'PAUSED', 'AWAITING_APPROVAL', 'ROLLING_BACK')
      """;

  private static final String FLEET =
      """
      SELECT reported_version, hardware_model, count(*) FROM devices GROUP BY 1, 2
      """;

  private final DataSource dataSource;
  private final Duration recent;

  public MetricsReader(DataSource dataSource, Duration recent) {
    this.dataSource = requireNonNull(dataSource, "dataSource");
    this.recent = requireNonNull(recent, "recent");
  }

  /** One consistent snapshot of everything exported. */
  public MetricsSnapshot read(Instant now) {
    Instant since = now.minus(recent);
    return Jdbc.inTransaction(
        dataSource,
        connection -> {
          connection.setReadOnly(true);
          return new MetricsSnapshot(
              Jdbc.query(
                  connection,
                  OUTCOMES,
                  row ->
                      new MetricsSnapshot.Outcome(
                          row.getString(1), row.getString(2), row.getString(3), row.getLong(4)),
                  since),
              Jdbc.query(
                  connection,
                  FAILURES,
                  row ->
                      new MetricsSnapshot.Count(row.getString(1), row.getString(2), row.getLong(3)),
                  since),
              Jdbc.query(
                  connection,
                  VERDICTS,
                  row ->
                      new MetricsSnapshot.Count(row.getString(1), row.getString(2), row.getLong(3)),
                  since),
              Jdbc.query(
                  connection,
                  STATES,
                  row -> new MetricsSnapshot.Count(row.getString(1), row.getString(2), 1),
                  since),
              fleet(connection));
        });
  }

  private static List<MetricsSnapshot.FleetCount> fleet(Connection connection) throws SQLException {
    return Jdbc.query(
        connection,
        FLEET,
        row -> new MetricsSnapshot.FleetCount(row.getString(1), row.getString(2), row.getLong(3)));
  }
}
