package dev.rollout.worker;

import dev.rollout.worker.config.RolloutProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole engine (embedded Temporal and PostgreSQL, HTTP on a random port), started once per test
 * JVM and shared by every subclass: Spring caches the context because they all configure it alike.
 * Subclasses share the database too, so each uses its own device ids, plan names, hardware models
 * and releases, and keeps its devices' path to its release clear of other tests' critical
 * migrations (the version policy is fleet-wide: {@code DeviceApiIT} registers 7.1.5 as one).
 *
 * <p>The data directory lies under {@code target/}, not in a JUnit temporary directory: the cached
 * context closes at JVM exit, and PostgreSQL must still find its directory then to stop.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
// metrics export is off in Spring Boot tests by default; the engine's tests read
// /actuator/prometheus
@AutoConfigureObservability(tracing = false)
public abstract class EngineTest {

  protected static final int TEMPORAL_PORT = FreePorts.find();
  private static final int DB_PORT = FreePorts.find();
  private static final Path DATA_DIR =
      Path.of("target", "engine-test", Long.toString(ProcessHandle.current().pid()));

  @DynamicPropertySource
  static void embeddedServersOnFreePorts(DynamicPropertyRegistry properties) {
    properties.add("rollout.data-dir", () -> DATA_DIR.toAbsolutePath().toString());
    properties.add("rollout.temporal.embedded.port", () -> TEMPORAL_PORT);
    properties.add("rollout.db.embedded.port", () -> DB_PORT);
    // a throw-away store: no flush to disk per commit (the engine's default is durable)
    properties.add("rollout.db.embedded.fsync", () -> Boolean.getBoolean("bench.fsync"));
  }

  @LocalServerPort protected int port;
  @Autowired protected DataSource dataSource;
  @Autowired private RolloutProperties rolloutProperties;

  /** An absolute URL of this engine, for a path such as {@code /device/v1/...}. */
  protected URI url(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  /** The admin token the engine wrote at its first start (mgmt API calls need one). */
  protected String adminToken() {
    try {
      return Files.readString(rolloutProperties.dataDir().resolve("admin-token")).strip();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
