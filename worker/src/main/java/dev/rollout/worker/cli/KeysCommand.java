package dev.rollout.worker.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "keys",
    description = "Trusted release-signing keys (one per product line).",
    mixinStandardHelpOptions = true,
    subcommands = {
      GenerateKeysCommand.class,
      KeysCommand.Register.class,
      KeysCommand.ListKeys.class,
      KeysCommand.Revoke.class
    })
final class KeysCommand extends GroupCommand {

  @Command(
      name = "register",
      description = "Trust a product line's Ed25519 public key (PEM file).",
      mixinStandardHelpOptions = true)
  static final class Register extends MgmtCommand {

    @Option(names = "--product", required = true, paramLabel = "<product>")
    String product;

    @Option(names = "--public-key", required = true, paramLabel = "<pem-file>")
    Path publicKey;

    @Override
    int run(MgmtClient client, PrintWriter out) {
      String pem = new String(read(publicKey), StandardCharsets.UTF_8);
      JsonNode key =
          client.postJson("/mgmt/v1/keys", Map.of("product", product, "publicKeyPem", pem));
      out.printf(
          "registered key %s for %s%n", key.path("keyId").asText(), key.path("product").asText());
      return 0;
    }
  }

  @Command(name = "list", description = "Trusted keys.", mixinStandardHelpOptions = true)
  static final class ListKeys extends MgmtCommand {

    @Override
    int run(MgmtClient client, PrintWriter out) {
      Table table = new Table("KEY", "PRODUCT", "CREATED", "REVOKED");
      for (JsonNode key : client.get("/mgmt/v1/keys")) {
        table.row(
            key.path("keyId").asText(),
            key.path("product").asText(),
            ListCommand.text(key, "createdAt"),
            ListCommand.text(key, "revokedAt"));
      }
      table.print(out);
      return 0;
    }
  }

  @Command(name = "revoke", description = "Stop trusting a key.", mixinStandardHelpOptions = true)
  static final class Revoke extends MgmtCommand {

    @Parameters(paramLabel = "<key-id>")
    String keyId;

    @Override
    int run(MgmtClient client, PrintWriter out) {
      client.delete("/mgmt/v1/keys/" + StatusCommand.path(keyId));
      out.println("revoked key " + keyId);
      return 0;
    }
  }
}
