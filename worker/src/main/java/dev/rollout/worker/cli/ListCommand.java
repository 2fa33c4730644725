package dev.rollout.worker.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import picocli.CommandLine.Command;

@Command(
    name = "list",
    description = "Rollouts, most recently started first.",
    mixinStandardHelpOptions = true)
final class ListCommand extends MgmtCommand {

  @Override
  int run(MgmtClient client, PrintWriter out) {
    Table table =
        new Table("ROLLOUT", "RELEASE", "STATE", "PHASE", "REQUESTED BY", "STARTED", "PAUSED");
    for (JsonNode rollout : client.get("/mgmt/v1/rollouts")) {
      table.row(
          rollout.path("rolloutId").asText(),
          rollout.path("release").asText(),
          rollout.path("state").asText(),
          text(rollout, "currentPhase"),
          text(rollout, "requestedBy"),
          text(rollout, "startedAt"),
          text(rollout, "pausedReason"));
    }
    if (table.isEmpty()) {
      out.println("no rollouts");
    } else {
      table.print(out);
    }
    return 0;
  }

  static String text(JsonNode node, String field) {
    return node.path(field).isTextual() ? node.path(field).asText() : null;
  }
}
