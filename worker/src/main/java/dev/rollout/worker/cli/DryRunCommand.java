package dev.rollout.worker.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(
    name = "dry-run",
    description = {
      "What a plan would do against the current fleet: cohort sizes per phase, ineligible devices"
          + " by reason, the release check and an estimated duration. Changes nothing.",
      "Exit status 2 when the plan or its release would be refused."
    },
    mixinStandardHelpOptions = true)
final class DryRunCommand extends MgmtCommand {

  @Parameters(paramLabel = "<plan-file>")
  Path plan;

  @Override
  int run(MgmtClient client, PrintWriter out) {
    JsonNode report =
        client.post(
            "/mgmt/v1/rollouts/dry-run",
            contentType(plan),
            HttpRequest.BodyPublishers.ofByteArray(read(plan)));
    out.printf(
        "plan %s, release %s%n", report.path("plan").asText(), report.path("release").asText());
    JsonNode problems = report.path("releaseProblems");
    if (!problems.isEmpty()) {
      out.println("release check: refused (no population computed)");
      for (JsonNode problem : problems) {
        out.printf(
            "  %s: %s [%s]%n",
            problem.path("path").asText(),
            problem.path("message").asText(),
            problem.path("code").asText());
      }
      return CliFailure.INVALID_INPUT;
    }
    Table phases =
        new Table("PHASE", "POPULATION", "TARGET", "NEW", "OFFERED IN", "SOAK", "APPROVAL");
    for (JsonNode phase : report.path("phases")) {
      phases.row(
          phase.path("name").asText(),
          phase.path("population").asLong(),
          phase.path("target").asLong(),
          phase.path("newDevices").asLong(),
          Durations.human(phase.path("assignFor").asText()),
          Durations.human(phase.path("soak").asText()),
          phase.path("approval").asText());
    }
    phases.print(out);
    out.println("ineligible:" + (report.path("ineligible").isEmpty() ? " none" : ""));
    report
        .path("ineligible")
        .properties()
        .forEach(e -> out.printf("  %-22s %d%n", e.getKey(), e.getValue().asLong()));
    out.println(
        "estimated duration: "
            + Durations.human(report.path("estimatedDuration").asText())
            + " (every gate passing at the end of its soak)");
    out.println("release check: ok");
    return 0;
  }
}
