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
import javax.sql.DataSource;

/**
 * The device check-in (docs/device-api.md): one read-only statement finds the device by its token
 * hash with its active assignment and the rollout's state, and what the device reports is stored
 * with other check-ins' reports in one statement ({@link ReportedStates}); the decision is made in
 * memory against the release snapshot. Only a changed deferral adds a statement of its own.
 */
public final class CheckIns {

  static final String CHECK_IN =
      """
      SELECT d.id, d.hardware_model, a.rollout_id, a.outcome, a.attempts, a.target_version,
        a.previous_version, a.rollback_state, a.installing_version, a.used_delta, a.rebooted,
        a.healthy, a.deferred_reason, a.state
      FROM devices d
      LEFT JOIN LATERAL (
        SELECT a.*, r.state FROM assignments a JOIN rollouts r ON r.id = a.rollout_id
        WHERE a.device_id = d.id AND d.id = ?
          AND (a.outcome IN ('PENDING', 'DEFERRED', 'IN_PROGRESS', 'FAILED', 'TIMED_OUT')
               OR a.rollback_state = 'OFFERED')
        ORDER BY a.rollback_state IS NOT DISTINCT FROM 'OFFERED' DESC,
          a.outcome = 'IN_PROGRESS' DESC, r.state IN ('RUNNING', 'AWAITING_APPROVAL') DESC,
          a.assigned_at DESC
        LIMIT 1
      ) a ON true
      WHERE d.token_hash = ?
      """;

  // synchronous commit off, as for the reported state: the next check-in decides the same again
  static final String DEFER =
      """
      WITH relaxed AS (SELECT set_config('synchronous_commit', 'off', true))
      UPDATE assignments SET outcome = 'DEFERRED', deferred_reason = ?, updated_at = now()
      FROM relaxed
      WHERE rollout_id = ? AND device_id = ? AND outcome IN ('PENDING', 'DEFERRED')
      """;

  private final DataSource dataSource;
  private final ReleaseSnapshots releases;
  private final DevicePolicies policies;
  private final ReportedStates reported;

  public CheckIns(DataSource dataSource, ReleaseSnapshots releases) {
    this.dataSource = requireNonNull(dataSource, "dataSource");
    this.releases = requireNonNull(releases, "releases");
    this.policies = new DevicePolicies(dataSource);
    this.reported = new ReportedStates(dataSource);
  }

  public CheckIns(DataSource dataSource) {
    this(dataSource, new ReleaseSnapshots(dataSource));
  }

  public CheckInResult checkIn(String tokenHash, String deviceId, CheckInReport report) {
    CheckInRow row;
    try (Connection connection = dataSource.getConnection()) {
      row = lookUp(connection, tokenHash, deviceId);
    } catch (SQLException e) {
      throw new StoreException(e);
    }
    if (row == null) {
      return new CheckInResult.Unauthenticated();
    }
    if (!row.deviceId().equals(deviceId)) {
      return new CheckInResult.NotThisDevice();
    }
    reported.record(deviceId, report);
    if (row.rolloutId() == null) {
      return CheckInResult.Answer.none();
    }
    return decide(row, report);
  }

  /** Check-in reports stored per statement so far (group commit: 1 when there is no load). */
  public double reportsPerStatement() {
    return reported.reportsPerStatement();
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

  private static CheckInRow lookUp(Connection connection, String tokenHash, String deviceId)
      throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(CHECK_IN)) {
      statement.setString(1, deviceId);
      statement.setString(2, tokenHash);
      try (ResultSet rows = statement.executeQuery()) {
        return rows.next() ? CheckInRow.read(rows) : null;
      }
    }
  }
}
