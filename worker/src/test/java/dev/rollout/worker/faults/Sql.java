package dev.rollout.worker.faults;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The test's own reads of a store that comes and goes: a fresh connection per read, so no pool in
 * the test JVM carries state across an outage.
 */
final class Sql {

  private final String url;

  Sql(String url) {
    this.url = url;
  }

  long count(String sql, Object... params) {
    try (Connection connection = DriverManager.getConnection(url, "postgres", "");
        PreparedStatement statement = prepare(connection, sql, params);
        ResultSet rows = statement.executeQuery()) {
      rows.next();
      return rows.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  /** Device id to the ids of its stored events. */
  Map<String, Set<String>> eventIds() {
    Map<String, Set<String>> events = new TreeMap<>();
    try (Connection connection = DriverManager.getConnection(url, "postgres", "");
        PreparedStatement statement =
            connection.prepareStatement("SELECT device_id, event_id FROM device_events");
        ResultSet rows = statement.executeQuery()) {
      while (rows.next()) {
        events.computeIfAbsent(rows.getString(1), id -> new HashSet<>()).add(rows.getString(2));
      }
      return events;
    } catch (SQLException e) {
      throw new IllegalStateException("reading device_events", e);
    }
  }

  private static PreparedStatement prepare(Connection connection, String sql, Object... params)
      throws SQLException {
    PreparedStatement statement = connection.prepareStatement(sql);
    for (int i = 0; i < params.length; i++) {
      statement.setObject(i + 1, params[i]);
    }
    return statement;
  }
}
