package dev.rollout.worker.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import picocli.CommandLine.Command;

@Command(
    name = "fleet",
    description = "Fleet composition: versions × hardware models, regions, online (last hour).",
    mixinStandardHelpOptions = true)
final class FleetCommand extends MgmtCommand {

  @Override
  int run(MgmtClient client, PrintWriter out) {
    JsonNode fleet = client.get("/mgmt/v1/fleet");
    out.printf(
        "devices %d: online %d, offline %d (online = seen in the last hour)%n",
        fleet.path("total").asLong(),
        fleet.path("online").asLong(),
        fleet.path("offline").asLong());
    Table versions = new Table("VERSION", "HARDWARE", "DEVICES");
    for (JsonNode row : fleet.path("byVersionAndModel")) {
      versions.row(
          row.path("version").asText(),
          row.path("hardwareModel").asText(),
          row.path("devices").asLong());
    }
    versions.print(out);
    Table regions = new Table("REGION", "DEVICES");
    for (JsonNode row : fleet.path("byRegion")) {
      regions.row(row.path("region").asText(), row.path("devices").asLong());
    }
    regions.print(out);
    return 0;
  }
}
