package dev.rollout.worker.cli;

import dev.rollout.worker.config.StartupException;
import dev.rollout.worker.temporal.EmbeddedTemporalServer;
import dev.rollout.worker.temporal.StandaloneTemporal;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "temporal-server",
    description = {
      "Run only the embedded Temporal server (in memory, real time, rollout search attributes"
          + " registered), for engines started elsewhere with TEMPORAL_ADDRESS. Stop with Ctrl-C."
    },
    mixinStandardHelpOptions = true)
final class TemporalServerCommand implements Callable<Integer> {

  @Option(names = "--port", defaultValue = "7233", description = "default: ${DEFAULT-VALUE}")
  private int port;

  @Option(
      names = "--bind-address",
      defaultValue = "127.0.0.1",
      description = "default: ${DEFAULT-VALUE}")
  private String bindAddress;

  @Spec private CommandSpec spec;

  private final CountDownLatch stopped = new CountDownLatch(1);

  @Override
  public Integer call() {
    EmbeddedTemporalServer server;
    try {
      server = StandaloneTemporal.start(bindAddress, port);
    } catch (StartupException e) {
      // the launcher's hint names the engine's property; here the option is what to change
      String problem = e.getMessage().split(";")[0];
      spec.commandLine().getErr().println("rollout: " + problem + "; choose another --port");
      return 1;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(server::close, "temporal-server-stop"));
    spec.commandLine().getOut().println("Temporal server listening on " + server.target());
    try {
      stopped.await(); // until the JVM stops (Ctrl-C, SIGTERM) or the thread is interrupted
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    server.close();
    return 0;
  }
}
