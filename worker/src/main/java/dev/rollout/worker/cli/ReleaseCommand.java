package dev.rollout.worker.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "release",
    description = "Signed releases.",
    mixinStandardHelpOptions = true,
    subcommands = {
      SignReleaseCommand.class,
      ReleaseCommand.Register.class,
      ReleaseCommand.ListReleases.class
    })
final class ReleaseCommand extends GroupCommand {

  @Command(
      name = "register",
      description =
          "Upload a signed manifest and its artifact; the server recomputes the sha256 and checks"
              + " the signature against the product line's trusted key.",
      mixinStandardHelpOptions = true)
  static final class Register extends MgmtCommand {

    @Option(names = "--manifest", required = true, paramLabel = "<file>")
    Path manifest;

    @Option(names = "--artifact", required = true, paramLabel = "<file>")
    Path artifact;

    @Override
    int run(MgmtClient client, PrintWriter out) {
      Multipart body =
          new Multipart()
              .part(
                  "manifest", manifest.getFileName().toString(), "application/json", read(manifest))
              .part(
                  "artifact",
                  artifact.getFileName().toString(),
                  "application/octet-stream",
                  read(artifact));
      JsonNode release = client.post("/mgmt/v1/releases", body.contentType(), body.publisher());
      out.println("registered release " + release.path("version").asText(release.toString()));
      return 0;
    }
  }

  @Command(name = "list", description = "Registered releases.", mixinStandardHelpOptions = true)
  static final class ListReleases extends MgmtCommand {

    @Override
    int run(MgmtClient client, PrintWriter out) {
      Table table = new Table("VERSION", "PRODUCT", "HARDWARE", "SIZE", "KEY", "CREATED");
      for (JsonNode release : client.get("/mgmt/v1/releases")) {
        table.row(
            release.path("version").asText(),
            ListCommand.text(release, "product"),
            release.path("hardwareModels").toString(),
            release.path("size").asText(release.path("artifactSize").asText("-")),
            ListCommand.text(release, "keyId"),
            ListCommand.text(release, "createdAt"));
      }
      table.print(out);
      return 0;
    }
  }
}
