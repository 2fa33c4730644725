package dev.rollout.activities.device;

import dev.rollout.definitions.device.AssignmentState;
import dev.rollout.definitions.device.Outcome;
import dev.rollout.definitions.device.RollbackState;
import dev.rollout.definitions.version.SemVer;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * One row of the check-in statement: a device whose token matched.
 *
 * @param rolloutId null when the device has no active assignment
 */
record CheckInRow(
    String deviceId,
    String hardwareModel,
    String rolloutId,
    String rolloutState,
    AssignmentState state) {

  static CheckInRow read(ResultSet rows) throws SQLException {
    String rolloutId = rows.getString(3);
    AssignmentState state =
        rolloutId == null
            ? null
            : new AssignmentState(
                Outcome.valueOf(rows.getString(4)),
                rows.getInt(5),
                SemVer.parse(rows.getString(6)),
                version(rows.getString(7)),
                rollback(rows.getString(8)),
                version(rows.getString(9)),
                bool(rows, 10),
                bool(rows, 11),
                bool(rows, 12),
                null,
                null,
                null,
                null,
                rows.getString(13));
    return new CheckInRow(
        rows.getString(1), rows.getString(2), rolloutId, rows.getString(14), state);
  }

  static SemVer version(String text) {
    return text == null ? null : SemVer.parse(text);
  }

  static RollbackState rollback(String text) {
    return text == null ? null : RollbackState.valueOf(text);
  }

  static Boolean bool(ResultSet rows, int column) throws SQLException {
    boolean value = rows.getBoolean(column);
    return rows.wasNull() ? null : value;
  }
}
