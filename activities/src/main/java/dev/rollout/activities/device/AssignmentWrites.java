package dev.rollout.activities.device;

import dev.rollout.activities.store.Jdbc;
import dev.rollout.definitions.device.AssignmentState;
import dev.rollout.definitions.device.Outcome;
import dev.rollout.definitions.device.RollbackState;
import dev.rollout.definitions.version.SemVer;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Reads and writes the columns of {@link AssignmentState}. */
final class AssignmentWrites {

  // Timestamps are the server's: device clocks drift, and housekeeping compares updated_at with
  // its own clock to time devices out.
  private static final String UPDATE =
      """
      UPDATE assignments SET outcome = ?, attempts = ?, rollback_state = ?,
        installing_version = ?, used_delta = ?, rebooted = ?, healthy = ?, download_ms = ?,
        install_ms = ?, last_error_code = ?, last_error_detail = ?, deferred_reason = ?,
        updated_at = now(),
        started_at = CASE WHEN ? THEN coalesce(started_at, now()) ELSE started_at END,
        finished_at = CASE WHEN ? THEN now() ELSE finished_at END
      WHERE rollout_id = ? AND device_id = ?
      """;

  private AssignmentWrites() {}

  /** Columns 2.. of the lock query. */
  static AssignmentState read(ResultSet rows) throws SQLException {
    return new AssignmentState(
        Outcome.valueOf(rows.getString(2)),
        rows.getInt(3),
        SemVer.parse(rows.getString(4)),
        CheckInRow.version(rows.getString(5)),
        CheckInRow.rollback(rows.getString(6)),
        CheckInRow.version(rows.getString(7)),
        CheckInRow.bool(rows, 8),
        CheckInRow.bool(rows, 9),
        CheckInRow.bool(rows, 10),
        longOrNull(rows, 11),
        longOrNull(rows, 12),
        rows.getString(13),
        rows.getString(14),
        rows.getString(15));
  }

  static void update(
      Connection connection,
      String deviceId,
      String rolloutId,
      AssignmentState before,
      AssignmentState after)
      throws SQLException {
    boolean started = after.outcome() == Outcome.IN_PROGRESS;
    boolean finished =
        (after.outcome().isFinished() && after.outcome() != before.outcome())
            || (after.rollbackState() != before.rollbackState()
                && after.rollbackState() != RollbackState.OFFERED);
    Jdbc.update(
        connection,
        UPDATE,
        after.outcome().name(),
        after.attempts(),
        after.rollbackState() == null ? null : after.rollbackState().name(),
        text(after.installingVersion()),
        after.usedDelta(),
        after.rebooted(),
        after.healthy(),
        after.downloadMs(),
        after.installMs(),
        after.lastErrorCode(),
        after.lastErrorDetail(),
        after.deferredReason(),
        started,
        finished,
        rolloutId,
        deviceId);
  }

  private static String text(SemVer version) {
    return version == null ? null : version.toString();
  }

  private static Long longOrNull(ResultSet rows, int column) throws SQLException {
    long value = rows.getLong(column);
    return rows.wasNull() ? null : value;
  }
}
