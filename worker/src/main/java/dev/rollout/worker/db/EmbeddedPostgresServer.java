package dev.rollout.worker.db;

import dev.rollout.worker.config.StartupException;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL (zonky's binaries) whose cluster lives in a directory of our choosing and is
 * reused on the next start, so devices, releases and rollouts survive restarts. Listens on
 * 127.0.0.1 only, with trust authentication: it is for a first run, demos and tests.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

  public static final String DATABASE = "rollout";
  public static final String USER = "postgres";

  private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

  private final EmbeddedPostgres postgres;
  private final int port;

  private EmbeddedPostgresServer(EmbeddedPostgres postgres, int port) {
    this.postgres = postgres;
    this.port = port;
  }

  /**
   * @param directory the cluster's data directory, created (initdb) when empty
   * @throws StartupException with one line saying what to change
   */
  public static EmbeddedPostgresServer start(Path directory, int port) {
    return start(directory, port, true);
  }

  /** As {@link #start(Path, int)}; without {@code fsync} a power cut can corrupt the store. */
  public static EmbeddedPostgresServer start(Path directory, int port, boolean fsync) {
    try {
      Files.createDirectories(directory);
    } catch (IOException e) {
      throw new StartupException(
          "Cannot create %s for the embedded PostgreSQL (%s); set rollout.data-dir (ROLLOUT_DATA_DIR)"
              .formatted(directory, StartupException.rootMessage(e)),
          e);
    }
    OrphanedPostmaster.stopIfAny(directory);
    requireFreePort(port);
    try {
      EmbeddedPostgres postgres =
          EmbeddedPostgres.builder()
              .setDataDirectory(directory)
              .setCleanDataDirectory(false)
              .setPort(port)
              .setServerConfig("listen_addresses", "127.0.0.1")
              // zonky's test defaults are off: a persistent store keeps its last commits, and its
              // files intact, when the machine goes down
              .setServerConfig("synchronous_commit", "on")
              .setServerConfig("fsync", fsync ? "on" : "off")
              .setPGStartupWait(Duration.ofSeconds(60))
              .setRegisterShutdownHook(false)
              .start();
      EmbeddedPostgresServer server = new EmbeddedPostgresServer(postgres, port);
      server.createDatabaseIfMissing();
      log.info("Embedded PostgreSQL on 127.0.0.1:{}, data in {}", port, directory);
      return server;
    } catch (IOException | SQLException | RuntimeException e) {
      throw new StartupException(failure(directory, port, e), e);
    }
  }

  public String jdbcUrl() {
    return "jdbc:postgresql://127.0.0.1:%d/%s".formatted(port, DATABASE);
  }

  public int port() {
    return port;
  }

  @Override
  public void close() throws IOException {
    postgres.close();
  }

  private void createDatabaseIfMissing() throws SQLException {
    try (Connection connection = postgres.getPostgresDatabase().getConnection();
        Statement statement = connection.createStatement()) {
      boolean exists =
          statement
              .executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'")
              .next();
      if (!exists) {
        statement.execute("CREATE DATABASE " + DATABASE);
      }
    }
  }

  private static void requireFreePort(int port) {
    try (ServerSocket probe = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
      probe.setReuseAddress(true);
    } catch (IOException e) {
      throw new StartupException(
          ("Port %d for the embedded PostgreSQL is in use; set rollout.db.embedded.port"
                  + " (ROLLOUT_DB_EMBEDDED_PORT) to a free port, or ROLLOUT_DB_URL to use a running"
                  + " PostgreSQL")
              .formatted(port));
    }
  }

  private static String failure(Path directory, int port, Exception e) {
    String cause = StartupException.rootMessage(e);
    boolean root = "root".equals(System.getProperty("user.name"));
    if (cause.contains("cannot be run as root") || (root && String.valueOf(e).contains("initdb"))) {
      return "The embedded PostgreSQL cannot run as root here (initdb: cannot be run as root; user"
          + " namespaces are blocked); run rollout as a non-root user, or set ROLLOUT_DB_URL to"
          + " an external PostgreSQL";
    }
    if (cause.contains("could not lock")) {
      return "The embedded PostgreSQL data in %s is in use by another rollout server; stop it or set rollout.data-dir (ROLLOUT_DATA_DIR)"
          .formatted(directory);
    }
    return "Cannot start the embedded PostgreSQL in %s on port %d (%s); set ROLLOUT_DB_URL to use a running PostgreSQL"
        .formatted(directory, port, cause);
  }
}
