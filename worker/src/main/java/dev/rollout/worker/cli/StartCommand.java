package dev.rollout.worker.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(
    name = "start",
    description = "Start a rollout from a plan file (YAML or JSON) through the mgmt API.",
    mixinStandardHelpOptions = true)
final class StartCommand extends MgmtCommand {

  @Parameters(paramLabel = "<plan-file>")
  Path plan;

  @Override
  int run(MgmtClient client, PrintWriter out) {
    JsonNode started =
        client.post(
            "/mgmt/v1/rollouts",
            contentType(plan),
            HttpRequest.BodyPublishers.ofByteArray(read(plan)));
    out.println("started " + started.path("rolloutId").asText());
    return 0;
  }
}
