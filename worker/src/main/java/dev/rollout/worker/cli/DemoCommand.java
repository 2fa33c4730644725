package dev.rollout.worker.cli;

import dev.rollout.worker.RolloutApplication;
import dev.rollout.worker.demo.Demo;
import dev.rollout.worker.demo.Demo.DemoOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "demo",
    description = {
      "The whole product in one command: starts the engine (embedded Temporal and PostgreSQL,"
          + " data under --data-dir, wiped at each start), registers signed releases 2.3.0,"
          + " 2.4.0 and 2.4.1, simulates a fleet over the device API, rolls out 2.4.0 to"
          + " completion and 2.4.1 (boot-loops on th-200) until its gate fails and it rolls back."
    },
    mixinStandardHelpOptions = true)
final class DemoCommand implements Callable<Integer> {

  /** Marks a directory the demo made, so that it never wipes anything else. */
  private static final String MARKER = ".rollout-demo";

  @Option(names = "--devices", defaultValue = "5000", description = "default: ${DEFAULT-VALUE}")
  private int devices;

  @Option(
      names = "--speed",
      defaultValue = "1",
      description = "run plans and devices this many times faster (default: ${DEFAULT-VALUE})")
  private double speed;

  @Option(names = "--keep", description = "keep serving after the demo, until Ctrl-C")
  private boolean keep;

  @Option(
      names = "--port",
      defaultValue = "8080",
      description = "HTTP port (default: ${DEFAULT-VALUE})")
  private int port;

  @Option(
      names = "--data-dir",
      defaultValue = "data/demo",
      description = "default: ${DEFAULT-VALUE}")
  private Path dataDir;

  @Spec private CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    DemoOptions options;
    try {
      options = new DemoOptions(devices, speed, keep);
      fresh(dataDir);
    } catch (IllegalArgumentException | IOException e) {
      spec.commandLine().getErr().println("rollout demo: " + e.getMessage());
      return CliFailure.INVALID_INPUT;
    }
    String adminToken = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
    out.println(
        "Starting the engine (embedded Temporal on 127.0.0.1:7233, PostgreSQL under "
            + dataDir
            + ")...");
    out.flush();
    ConfigurableApplicationContext engine =
        SpringApplication.run(
            RolloutApplication.class,
            "--rollout.data-dir=" + dataDir.toAbsolutePath(),
            "--server.port=" + port,
            "--rollout.mgmt.admin-token=" + adminToken,
            "--logging.level.root=WARN");
    try {
      int actualPort = Integer.parseInt(engine.getEnvironment().getProperty("local.server.port"));
      URI base = URI.create("http://127.0.0.1:" + actualPort);
      out.printf(
          "Engine up. Dashboard: http://localhost:%d/dashboard/#token=%s%n"
              + "Temporal UI: point it at 127.0.0.1:7233 (namespace default).%n%n",
          actualPort, adminToken);
      boolean asExpected = new Demo(options, base, adminToken, out).run();
      return asExpected ? 0 : 1;
    } finally {
      engine.close();
    }
  }

  private static void fresh(Path dir) throws IOException {
    if (Files.isDirectory(dir)) {
      boolean empty;
      try (Stream<Path> entries = Files.list(dir)) {
        empty = entries.findAny().isEmpty();
      }
      if (!empty && !Files.exists(dir.resolve(MARKER))) {
        throw new IOException(dir + " exists and was not made by the demo; choose --data-dir");
      }
      try (Stream<Path> all = Files.walk(dir)) {
        for (Path path : all.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(path);
        }
      }
    }
    Files.createDirectories(dir);
    Files.createFile(dir.resolve(MARKER));
  }
}
