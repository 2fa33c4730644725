package dev.rollout.worker.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import dev.rollout.activities.store.Database;
import dev.rollout.worker.FreePorts;
import dev.rollout.worker.config.StartupException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedPostgresServerIT {

  @TempDir Path dataDir;

  @Test
  void keepsItsDataAcrossRestarts() throws Exception {
    Path directory = dataDir.resolve("postgres");
    int port = FreePorts.find();

    try (EmbeddedPostgresServer first = EmbeddedPostgresServer.start(directory, port)) {
      execute(first, "CREATE TABLE kept (note text)", "INSERT INTO kept VALUES ('survives')");
    }
    try (EmbeddedPostgresServer second = EmbeddedPostgresServer.start(directory, port)) {
      assertThat(queryOne(second, "SELECT note FROM kept")).isEqualTo("survives");
      // durable by default: zonky's own default (off) would risk the store on a power cut
      assertThat(queryOne(second, "SHOW fsync")).isEqualTo("on");
      assertThat(queryOne(second, "SHOW synchronous_commit")).isEqualTo("on");
    }
  }

  @Test
  void migratesThroughTheSamePoolTheEngineUses() throws Exception {
    try (EmbeddedPostgresServer server =
            EmbeddedPostgresServer.start(dataDir.resolve("postgres"), FreePorts.find());
        HikariDataSource pool = Database.pool(server.jdbcUrl(), EmbeddedPostgresServer.USER, "")) {
      Database.migrate(pool);
      try (Connection connection = pool.getConnection();
          ResultSet tables =
              connection.getMetaData().getTables(null, "public", "flyway_schema_history", null)) {
        assertThat(tables.next()).isTrue();
      }
    }
  }

  @Test
  void aTakenPortFailsWithOneLineNamingTheProperty() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      assertThatThrownBy(
              () -> EmbeddedPostgresServer.start(dataDir.resolve("pg"), taken.getLocalPort()))
          .isInstanceOf(StartupException.class)
          .hasMessageContaining("Port " + taken.getLocalPort())
          .hasMessageContaining("rollout.db.embedded.port")
          .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }
  }

  private static void execute(EmbeddedPostgresServer server, String... statements)
      throws SQLException {
    try (HikariDataSource pool = pool(server);
        Connection connection = pool.getConnection();
        Statement statement = connection.createStatement()) {
      for (String sql : statements) {
        statement.execute(sql);
      }
    }
  }

  private static String queryOne(EmbeddedPostgresServer server, String sql) throws SQLException {
    try (HikariDataSource pool = pool(server);
        Connection connection = pool.getConnection();
        Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery(sql)) {
      assertThat(row.next()).isTrue();
      return row.getString(1);
    }
  }

  private static HikariDataSource pool(EmbeddedPostgresServer server) {
    return Database.pool(server.jdbcUrl(), EmbeddedPostgresServer.USER, "");
  }
}
