package dev.rollout.activities.plan;

import dev.rollout.activities.store.Jdbc;
import dev.rollout.definitions.plan.Problem;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/** Checks a plan's release against the registered releases and the version policy (§5). */
final class ReleaseCheck {

  private ReleaseCheck() {}

  static List<Problem> problems(Connection connection, String release) throws SQLException {
    List<long[]> rows =
        Jdbc.query(
            connection,
            "SELECT r.min_server_api, p.server_api_version"
                + " FROM releases r CROSS JOIN version_policy p WHERE r.version = ?",
            row -> new long[] {row.getLong(1), row.getLong(2)},
            release);
    if (rows.isEmpty()) {
      return List.of(
          new Problem(
              "release",
              "UNKNOWN_RELEASE",
              "no registered release " + release + " (register it first)"));
    }
    long needs = rows.get(0)[0];
    long running = rows.get(0)[1];
    if (needs > running) {
      return List.of(
          new Problem(
              "release",
              "SERVER_API_TOO_OLD",
              "release "
                  + release
                  + " needs server API "
                  + needs
                  + ", the server runs "
                  + running));
    }
    return List.of();
  }
}
