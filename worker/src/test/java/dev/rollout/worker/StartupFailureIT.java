package dev.rollout.worker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rollout.worker.cli.RolloutCliAccess;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A configured server that cannot be reached stops {@code rollout server} with status 1 and one
 * clear line on stderr, not a stack trace.
 */
class StartupFailureIT {

  @TempDir Path dataDir;

  private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
  private PrintStream originalErr;

  @BeforeEach
  void captureStderr() {
    originalErr = System.err;
    System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void restoreStderr() {
    System.setErr(originalErr);
  }

  @Test
  void anUnreachableTemporalIsOneLine() {
    int closedPort = FreePorts.find();

    int status =
        server(
            "--rollout.temporal.address=127.0.0.1:" + closedPort,
            "--rollout.db.embedded.port=" + FreePorts.find());

    assertThat(status).isEqualTo(1);
    assertThat(errorLines())
        .singleElement()
        .asString()
        .startsWith("rollout: Cannot reach Temporal at 127.0.0.1:" + closedPort + " (UNAVAILABLE")
        .endsWith("set TEMPORAL_ADDRESS or unset it to use the embedded server");
  }

  @Test
  void anUnreachableDatabaseIsOneLine() {
    int closedPort = FreePorts.find();

    int status =
        server(
            "--rollout.db.url=jdbc:postgresql://127.0.0.1:" + closedPort + "/rollout",
            "--rollout.temporal.embedded.port=" + FreePorts.find());

    assertThat(status).isEqualTo(1);
    assertThat(errorLines())
        .singleElement()
        .asString()
        .startsWith("rollout: Cannot reach PostgreSQL at jdbc:postgresql://127.0.0.1:" + closedPort)
        .contains("ROLLOUT_DB_URL");
  }

  private int server(String... settings) {
    String[] args = new String[settings.length + 3];
    args[0] = "server";
    args[1] = "--rollout.data-dir=" + dataDir;
    args[2] = "--server.port=0";
    System.arraycopy(settings, 0, args, 3, settings.length);
    return RolloutCliAccess.execute(args);
  }

  /** Log lines go to stdout; stderr must hold only the reporter's line. */
  private java.util.List<String> errorLines() {
    return stderr.toString(StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
  }
}
