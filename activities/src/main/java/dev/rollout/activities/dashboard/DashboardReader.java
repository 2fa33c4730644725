package dev.rollout.activities.dashboard;

import static java.util.Objects.requireNonNull;

import dev.rollout.activities.dashboard.StoreDashboard.AuditRow;
import dev.rollout.activities.dashboard.StoreDashboard.FleetCell;
import dev.rollout.activities.dashboard.StoreDashboard.StoredRollout;
import dev.rollout.activities.store.Jdbc;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Reads the operator dashboard from the store in one consistent snapshot and a fixed number of
 * set-based statements, whatever the fleet size: aggregates per version and model, per rollout and
 * per cohort, plus the bounded support list.
 */
public final class DashboardReader {

  private static final String FLEET =
      """
      SELECT reported_version, hardware_model, count(*) FROM devices
      GROUP BY 1, 2 ORDER BY 2, version_key(reported_version) NULLS FIRST, 1
      """;

  // rollouts still moving first, then the most recently changed
  private static final String ROLLOUTS =
      """
      SELECT id, plan_name, release, state, current_phase, paused_reason, paused_by, paused_at,
             started_at, updated_at FROM rollouts
      ORDER BY state IN ('RUNNING', 'PAUSED', 'AWAITING_APPROVAL', 'ROLLING_BACK') DESC,
               updated_at DESC, id
      LIMIT ?
      """;

  private static final String AUDIT =
      """
      SELECT r.id, t.at, t.event, t.actor, t.detail FROM unnest(?::text[]) AS r(id)
      CROSS JOIN LATERAL (SELECT at, event, actor, detail FROM audit
                          WHERE rollout_id = r.id ORDER BY at DESC, id DESC LIMIT ?) t
      ORDER BY r.id, t.at, t.event
      """;

  private final DataSource dataSource;

  public DashboardReader(DataSource dataSource) {
    this.dataSource = requireNonNull(dataSource, "dataSource");
  }

  /** Devices per reported version and hardware model: one scan of {@code devices}. */
  public List<FleetCell> fleet() {
    return Jdbc.inTransaction(
        dataSource, connection -> Jdbc.query(connection, FLEET, DashboardReader::fleetCell));
  }

  /**
   * @param maxRollouts how many rollouts to show
   * @param maxAudit how many audit entries per rollout (the most recent)
   * @param maxSupport how many support cases (the newest)
   */
  public StoreDashboard read(int maxRollouts, int maxAudit, int maxSupport) {
    return Jdbc.inTransaction(
        dataSource,
        connection -> {
          Jdbc.update(connection, "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
          List<RolloutRow> rows = Jdbc.query(connection, ROLLOUTS, RolloutRow::of, maxRollouts);
          List<String> ids = rows.stream().map(RolloutRow::id).toList();
          var cohorts = CohortQueries.read(connection, ids);
          var audit = audit(connection, ids, maxAudit);
          List<StoredRollout> rollouts = new ArrayList<>();
          for (RolloutRow row : rows) {
            rollouts.add(
                row.with(
                    cohorts.getOrDefault(row.id(), List.of()),
                    audit.getOrDefault(row.id(), List.of())));
          }
          return new StoreDashboard(rollouts, SupportQueries.read(connection, maxSupport));
        });
  }

  private static FleetCell fleetCell(ResultSet row) throws SQLException {
    return new FleetCell(row.getString(1), row.getString(2), row.getLong(3));
  }

  private static Map<String, List<AuditRow>> audit(
      Connection connection, List<String> ids, int limit) throws SQLException {
    Map<String, List<AuditRow>> audit = new HashMap<>();
    Jdbc.query(
        connection,
        AUDIT,
        row ->
            audit
                .computeIfAbsent(row.getString(1), id -> new ArrayList<>())
                .add(
                    new AuditRow(
                        instant(row, 2), row.getString(3), row.getString(4), row.getString(5))),
        ids,
        limit);
    return audit;
  }

  static Instant instant(ResultSet row, int column) throws SQLException {
    OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  /** A row of {@code rollouts} before its cohorts and audit are known. */
  private record RolloutRow(
      String id,
      String planName,
      String release,
      String state,
      int currentPhase,
      String pausedReason,
      String pausedBy,
      Instant pausedAt,
      Instant startedAt,
      Instant updatedAt) {

    static RolloutRow of(ResultSet row) throws SQLException {
      return new RolloutRow(
          row.getString(1),
          row.getString(2),
          row.getString(3),
          row.getString(4),
          row.getInt(5),
          row.getString(6),
          row.getString(7),
          instant(row, 8),
          instant(row, 9),
          instant(row, 10));
    }

    StoredRollout with(List<StoreDashboard.Cohort> cohorts, List<AuditRow> audit) {
      return new StoredRollout(
          id,
          planName,
          release,
          state,
          currentPhase,
          pausedReason,
          pausedBy,
          pausedAt,
          startedAt,
          updatedAt,
          cohorts,
          audit);
    }
  }
}
