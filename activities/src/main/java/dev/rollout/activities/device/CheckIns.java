package dev.rollout.activities.device;

import static java.util.Objects.requireNonNull;

import dev.rollout.activities.store.Jdbc;
import dev.rollout.definitions.device.AssignmentState;
import dev.rollout.definitions.device.CheckInReport;
import dev.rollout.definitions.device.Decision;
import dev.rollout.definitions.device.OfferDecision;
import dev.rollout.definitions.device.Outcome;
import dev.rollout.definitions.version.SemVer;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The device check-in (docs/device-api.md): one statement, shared with other devices' check-ins
 * ({@link GroupCheckIn}), authenticates the device, stores what it reports and reads its active
 * assignment with the rollout's state; the decision is made in memory against the release snapshot.
 * Only a changed deferral, or a token that is not the device's, adds a statement.
 */
public final class CheckIns {

  static final String TOKEN_OWNER = "SELECT id FROM devices WHERE token_hash = ?";

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
  private final GroupCheckIn group;

  public CheckIns(DataSource dataSource, ReleaseSnapshots releases) {
    this.dataSource = requireNonNull(dataSource, "dataSource");
    this.releases = requireNonNull(releases, "releases");
    this.policies = new DevicePolicies(dataSource);
    this.group = new GroupCheckIn(dataSource);
  }

  public CheckIns(DataSource dataSource) {
    this(dataSource, new ReleaseSnapshots(dataSource));
  }

  public CheckInResult checkIn(String tokenHash, String deviceId, CheckInReport report) {
    Optional<CheckInRow> row = group.checkIn(tokenHash, deviceId, report);
    if (row.isEmpty()) {
      return tokenOwner(tokenHash).filter(owner -> !owner.equals(deviceId)).isPresent()
          ? new CheckInResult.NotThisDevice()
          : new CheckInResult.Unauthenticated();
    }
    return row.get().rolloutId() == null ? CheckInResult.Answer.none() : decide(row.get(), report);
  }

  /** Check-ins run per statement so far (group commit: 1 when there is no load). */
  public double checkInsPerStatement() {
    return group.checkInsPerStatement();
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

  // The failed check-in's path only: whether the token is another device's (403) or none (401).
  private Optional<String> tokenOwner(String tokenHash) {
    return Jdbc.inTransaction(
        dataSource,
        connection ->
            Jdbc.query(connection, TOKEN_OWNER, rows -> rows.getString(1), tokenHash).stream()
                .findFirst());
  }
}
