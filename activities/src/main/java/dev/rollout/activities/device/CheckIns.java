package dev.rollout.activities.device;

import static java.util.Objects.requireNonNull;

import dev.rollout.activities.store.Jdbc;
import dev.rollout.activities.store.StoreException;
import dev.rollout.definitions.device.AssignmentState;
import dev.rollout.definitions.device.CheckInReport;
import dev.rollout.definitions.device.Decision;
import dev.rollout.definitions.device.OfferDecision;
import dev.rollout.definitions.device.Outcome;
import dev.rollout.definitions.version.SemVer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import javax.sql.DataSource;

/**
 * The device check-in (docs/device-api.md): one statement finds the device by its token hash,
 * records what it reports and returns its active assignment with the rollout's state; the decision
 * is made in memory against the release snapshot. Only a deferral adds a second statement.
 */
public final class CheckIns {

  // set_config(..., true) turns synchronous commit off for this statement's own transaction: the
  // reported state is overwritten by the next check-in anyway, so a database crash losing the last
  // few hundred milliseconds of it costs nothing, while not waiting for the WAL flush takes the
  // commit off the hot path. Assignments (outcomes) are never written this way.
  static final String CHECK_IN =
      """
      WITH relaxed AS (SELECT set_config('synchronous_commit', 'off', true)),
      me AS (SELECT id FROM devices WHERE token_hash = ?),
      seen AS (
        UPDATE devices d SET reported_version = ?, battery_percent = ?, free_storage_bytes = ?,
          network_type = ?, network_metered = ?, network_quality = ?, utc_offset_minutes = ?,
          last_seen_at = now()
        FROM me, relaxed WHERE d.id = me.id AND me.id = ?
        RETURNING d.id, d.hardware_model
      )
      SELECT me.id, seen.hardware_model, a.rollout_id, a.outcome, a.attempts, a.target_version,
        a.previous_version, a.rollback_state, a.installing_version, a.used_delta, a.rebooted,
        a.healthy, a.deferred_reason, a.state
      FROM me LEFT JOIN seen ON true
      LEFT JOIN LATERAL (
        SELECT a.*, r.state FROM assignments a JOIN rollouts r ON r.id = a.rollout_id
        WHERE a.device_id = seen.id
          AND (a.outcome IN ('PENDING', 'DEFERRED', 'IN_PROGRESS', 'FAILED', 'TIMED_OUT')
               OR a.rollback_state = 'OFFERED')
        ORDER BY a.rollback_state IS NOT DISTINCT FROM 'OFFERED' DESC,
          a.outcome = 'IN_PROGRESS' DESC, r.state IN ('RUNNING', 'AWAITING_APPROVAL') DESC,
          a.assigned_at DESC
        LIMIT 1
      ) a ON true
      """;

  static final String DEFER =
      """
      UPDATE assignments SET outcome = 'DEFERRED', deferred_reason = ?, updated_at = now()
      WHERE rollout_id = ? AND device_id = ? AND outcome IN ('PENDING', 'DEFERRED')
      """;

  private final DataSource dataSource;
  private final ReleaseSnapshots releases;
  private final DevicePolicies policies;

  public CheckIns(DataSource dataSource, ReleaseSnapshots releases) {
    this.dataSource = requireNonNull(dataSource, "dataSource");
    this.releases = requireNonNull(releases, "releases");
    this.policies = new DevicePolicies(dataSource);
  }

  public CheckIns(DataSource dataSource) {
    this(dataSource, new ReleaseSnapshots(dataSource));
  }

  public CheckInResult checkIn(String tokenHash, String deviceId, CheckInReport report) {
    CheckInRow row;
    try (Connection connection = dataSource.getConnection()) {
      row = lookUp(connection, tokenHash, deviceId, report);
    } catch (SQLException e) {
      throw new StoreException(e);
    }
    if (row == null) {
      return new CheckInResult.Unauthenticated();
    }
    if (row.hardwareModel() == null) {
      return new CheckInResult.NotThisDevice();
    }
    if (row.rolloutId() == null) {
      return CheckInResult.Answer.none();
    }
    return decide(row, report);
  }

  /** Reloads releases, deltas and the version policy now rather than within seconds. */
  public void refreshReleases() {
    releases.refresh();
  }

  private CheckInResult decide(CheckInRow row, CheckInReport report) {
    ReleaseSnapshot snapshot = releases.current();
    OfferDecision.Assignment assignment =
        new OfferDecision.Assignment(row.state(), row.rolloutState(), policies.of(row.rolloutId()));
    Decision decision =
        OfferDecision.decide(assignment, snapshot.offerable(), report, row.hardwareModel());
    SemVer offered = null;
    if (decision instanceof Decision.Update update) {
      offered = update.version();
    } else if (decision instanceof Decision.Rollback rollback) {
      offered = rollback.version();
    } else if (decision instanceof Decision.Defer defer && defer.record()) {
      recordDeferral(row, defer);
    }
    StoredRelease release = offered == null ? null : snapshot.release(offered).orElse(null);
    StoredDelta delta =
        offered == null ? null : snapshot.delta(offered, report.version()).orElse(null);
    return new CheckInResult.Answer(decision, row.rolloutId(), release, delta, assignment.policy());
  }

  // Written only when it changes, so a device that stays on low battery costs one statement.
  private void recordDeferral(CheckInRow row, Decision.Defer defer) {
    AssignmentState state = row.state();
    String reason = defer.reason().name();
    if (state.outcome() == Outcome.DEFERRED && reason.equals(state.deferredReason())) {
      return;
    }
    Jdbc.inTransaction(
        dataSource,
        connection -> Jdbc.update(connection, DEFER, reason, row.rolloutId(), row.deviceId()));
  }

  private static CheckInRow lookUp(
      Connection connection, String tokenHash, String deviceId, CheckInReport report)
      throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(CHECK_IN)) {
      statement.setString(1, tokenHash);
      statement.setString(2, report.version().toString());
      setNullable(statement, 3, report.batteryPercent(), Types.INTEGER);
      setNullable(statement, 4, report.freeStorageBytes(), Types.BIGINT);
      setNullable(statement, 5, report.network().type(), Types.VARCHAR);
      setNullable(statement, 6, report.network().metered(), Types.BOOLEAN);
      setNullable(statement, 7, report.network().quality(), Types.DOUBLE);
      statement.setInt(8, report.utcOffsetMinutes());
      statement.setString(9, deviceId);
      try (ResultSet rows = statement.executeQuery()) {
        return rows.next() ? CheckInRow.read(rows) : null;
      }
    }
  }

  private static void setNullable(PreparedStatement statement, int index, Object value, int type)
      throws SQLException {
    if (value == null) {
      statement.setNull(index, type);
    } else {
      statement.setObject(index, value, type);
    }
  }
}
