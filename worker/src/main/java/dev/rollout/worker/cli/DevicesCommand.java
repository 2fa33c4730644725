package dev.rollout.worker.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "devices",
    description = "Device registration.",
    mixinStandardHelpOptions = true,
    subcommands = DevicesCommand.Import.class)
final class DevicesCommand extends GroupCommand {

  @Command(
      name = "import",
      description = {
        "Register devices from a CSV or JSON file; one token per new device, shown once.",
        "JSON: {\"devices\": [{\"id\", \"hardwareModel\", \"region\", \"version\", \"tags\": {}}]};"
            + " CSV: a header line naming the same columns."
      },
      mixinStandardHelpOptions = true)
  static final class Import extends MgmtCommand {

    @Parameters(paramLabel = "<file.csv|file.json>")
    Path file;

    @Option(
        names = "--tokens-out",
        paramLabel = "<file>",
        description = "write the device tokens there (CSV, owner-only) instead of to stdout")
    Path tokensOut;

    @Override
    int run(MgmtClient client, PrintWriter out) {
      JsonNode result =
          client.post(
              "/mgmt/v1/devices/import",
              contentType(file),
              HttpRequest.BodyPublishers.ofByteArray(read(file)));
      out.printf(
          "created %d, updated %d%n",
          result.path("created").asLong(), result.path("updated").asLong());
      StringBuilder tokens = new StringBuilder("deviceId,token\n");
      for (JsonNode token : result.path("tokens")) {
        tokens
            .append(token.path("deviceId").asText())
            .append(',')
            .append(token.path("token").asText())
            .append('\n');
      }
      if (tokensOut == null) {
        out.print(tokens);
      } else {
        write(tokensOut, tokens.toString());
        out.println("device tokens written to " + tokensOut);
      }
      return 0;
    }

    private static void write(Path file, String text) {
      try {
        Files.deleteIfExists(file);
        Files.createFile(
            file,
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, text);
      } catch (IOException | UnsupportedOperationException e) {
        throw new CliFailure(
            CliFailure.INVALID_INPUT, "rollout: cannot write " + file + ": " + e.getMessage());
      }
    }
  }
}
