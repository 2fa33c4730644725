package dev.rollout.worker.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "status",
    description =
        "A rollout's state: a progress bar per phase, gate verdicts, pause, recent audit.",
    mixinStandardHelpOptions = true)
final class StatusCommand extends MgmtCommand {

  private static final String CLEAR = "\033[H\033[2J";

  @Parameters(paramLabel = "<id>", description = "rollout id (rollout-<plan>) or plan name")
  String id;

  @Option(names = "--watch", description = "redraw until the rollout reaches a final state")
  boolean watch;

  @Option(
      names = "--interval",
      defaultValue = "2",
      paramLabel = "<seconds>",
      description = "seconds between redraws with --watch (default: ${DEFAULT-VALUE})")
  int intervalSeconds;

  @Override
  int run(MgmtClient client, PrintWriter out) {
    if (intervalSeconds < 1) {
      throw new CliFailure(CliFailure.INVALID_INPUT, "rollout: --interval must be at least 1");
    }
    // on a terminal each redraw replaces the last; piped, they follow each other
    boolean terminal = System.console() != null && watch;
    while (true) {
      JsonNode status = client.get("/mgmt/v1/rollouts/" + path(id));
      if (terminal) {
        out.print(CLEAR);
      }
      StatusText.print(status, out);
      out.flush();
      if (!watch || StatusText.isFinal(status)) {
        return 0;
      }
      sleep(Duration.ofSeconds(intervalSeconds));
      if (!terminal) {
        out.println();
      }
    }
  }

  static String path(String segment) {
    return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CliFailure(CliFailure.SERVER_ERROR, "rollout: interrupted");
    }
  }
}
