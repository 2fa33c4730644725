package dev.rollout.activities.rollout;

import dev.rollout.activities.store.Jdbc;
import javax.sql.DataSource;

/** Direct table edits the tests need. */
final class TestDatabaseTables {

  private TestDatabaseTables() {}

  static void deleteReleases(DataSource db) {
    Jdbc.inTransaction(db, c -> Jdbc.update(c, "DELETE FROM releases"));
  }

  static long count(DataSource db, String sql, Object... params) {
    return Jdbc.inTransaction(db, c -> Jdbc.queryLong(c, sql, params));
  }

  static void update(DataSource db, String sql, Object... params) {
    Jdbc.inTransaction(db, c -> Jdbc.update(c, sql, params));
  }
}
