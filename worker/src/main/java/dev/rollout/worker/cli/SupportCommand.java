package dev.rollout.worker.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(
    name = "support",
    description =
        "The support queue: quarantined devices with the playbook's cause and next steps.",
    mixinStandardHelpOptions = true,
    subcommands = SupportCommand.Release.class)
final class SupportCommand extends MgmtCommand {

  @Override
  int run(MgmtClient client, PrintWriter out) {
    JsonNode queue = client.get("/mgmt/v1/support");
    if (queue.isEmpty()) {
      out.println("the support queue is empty");
      return 0;
    }
    for (JsonNode entry : queue) {
      JsonNode advice = entry.path("advice");
      out.printf(
          "%s  %s  %s  error %s  since %s%n",
          entry.path("rolloutId").asText(),
          entry.path("deviceId").asText(),
          entry.path("reason").asText(),
          entry.path("errorCode").asText("-"),
          entry.path("since").asText());
      out.printf("  cause: %s%n", advice.path("cause").asText());
      out.printf(
          "  next:  %s%s%n",
          advice.path("nextSteps").asText(),
          advice.path("retryable").asBoolean() ? " (retryable)" : "");
    }
    return 0;
  }

  @Command(
      name = "release",
      description = "Release a device from quarantine: it is offered the update again.",
      mixinStandardHelpOptions = true)
  static final class Release extends MgmtCommand {

    @Parameters(index = "0", paramLabel = "<rollout-id>")
    String rolloutId;

    @Parameters(index = "1", paramLabel = "<device-id>")
    String deviceId;

    @Override
    int run(MgmtClient client, PrintWriter out) {
      client.post(
          "/mgmt/v1/support/"
              + StatusCommand.path(rolloutId)
              + "/"
              + StatusCommand.path(deviceId)
              + "/release",
          null,
          java.net.http.HttpRequest.BodyPublishers.noBody());
      out.println("released " + deviceId + " in " + rolloutId + ": it will be offered again");
      return 0;
    }
  }
}
