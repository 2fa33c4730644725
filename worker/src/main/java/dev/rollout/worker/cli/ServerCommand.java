package dev.rollout.worker.cli;

import dev.rollout.worker.RolloutApplication;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

@Command(
    name = "server",
    description = {
      "Start the engine: the Temporal worker on task queue 'rollouts', with an embedded Temporal"
          + " server on 127.0.0.1:7233 and an embedded PostgreSQL under ./data unless"
          + " TEMPORAL_ADDRESS / ROLLOUT_DB_URL are set (see worker/README.md).",
      "Spring properties may follow, e.g. --server.port=9090."
    },
    mixinStandardHelpOptions = true)
final class ServerCommand implements Callable<Integer> {

  @Unmatched private List<String> springArguments = new ArrayList<>();

  private ConfigurableApplicationContext context;

  @Override
  public Integer call() {
    try {
      context =
          SpringApplication.run(RolloutApplication.class, springArguments.toArray(String[]::new));
      return 0;
    } catch (RuntimeException e) {
      return 1; // already reported by Spring Boot: one line for our StartupException
    }
  }

  static boolean isServing(CommandLine cli) {
    CommandLine server = cli.getSubcommands().get("server");
    return server.<ServerCommand>getCommand().context != null
        && server.<ServerCommand>getCommand().context.isActive();
  }
}
