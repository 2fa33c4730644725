package dev.rollout.worker.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A {@code rollout} command in a JVM of its own (the test's classpath), so that a test can kill it
 * with SIGKILL the way a crashed host kills a worker. Its output goes to a log file under {@code
 * target/faults/}.
 */
final class EngineProcess implements AutoCloseable {

  private static final Path LOGS = Path.of("target", "faults");

  private final Process process;
  private final Path log;

  private EngineProcess(Process process, Path log) {
    this.process = process;
    this.log = log;
  }

  /** Starts {@code rollout <arguments>} with these extra environment variables. */
  static EngineProcess start(String name, Map<String, String> environment, String... arguments) {
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.add("-Xmx512m");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add("dev.rollout.worker.cli.RolloutCli");
    command.addAll(List.of(arguments));
    try {
      Files.createDirectories(LOGS);
      Path log = LOGS.resolve(name + ".log");
      ProcessBuilder builder =
          new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
      builder.environment().putAll(environment);
      Process process = builder.start();
      // a test JVM that dies (or is killed) must not leave servers behind
      Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
      return new EngineProcess(process, log);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Waits until the engine's health endpoint answers UP. */
  void awaitHealthy(int httpPort, Duration timeout) throws InterruptedException {
    HttpClient http = HttpClient.newHttpClient();
    URI health = URI.create("http://127.0.0.1:" + httpPort + "/actuator/health");
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("the engine exited; see " + log.toAbsolutePath());
      }
      try {
        HttpResponse<String> response =
            http.send(HttpRequest.newBuilder(health).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 200 && response.body().startsWith("{\"status\":\"UP\"")) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(200);
    }
    throw new IllegalStateException("the engine is not healthy; see " + log.toAbsolutePath());
  }

  /** Waits until the log contains the text (e.g. a server's "listening" line). */
  void awaitLog(String text, Duration timeout) throws InterruptedException, IOException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (Files.exists(log) && Files.readString(log).contains(text)) {
        return;
      }
      if (!process.isAlive()) {
        throw new IllegalStateException("the process exited; see " + log.toAbsolutePath());
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException("no '" + text + "' in " + log.toAbsolutePath());
  }

  /** SIGKILL: no shutdown hook runs, nothing is flushed, in-flight work is simply lost. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor();
  }

  @Override
  public void close() {
    process.destroyForcibly();
    try {
      process.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
