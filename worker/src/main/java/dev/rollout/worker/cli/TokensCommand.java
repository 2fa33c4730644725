package dev.rollout.worker.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "tokens",
    description = "Operator tokens (admins only).",
    mixinStandardHelpOptions = true,
    subcommands = {
      TokensCommand.Create.class,
      TokensCommand.ListTokens.class,
      TokensCommand.Revoke.class
    })
final class TokensCommand extends GroupCommand {

  @Command(
      name = "create",
      description = "Issue a token; it is printed once, on stdout, and never stored in clear.",
      mixinStandardHelpOptions = true)
  static final class Create extends MgmtCommand {

    @Option(names = "--name", required = true, paramLabel = "<name>")
    String name;

    @Option(
        names = "--role",
        required = true,
        paramLabel = "<role>",
        description = "viewer | operator | admin")
    String role;

    @Override
    int run(MgmtClient client, PrintWriter out) {
      JsonNode token = client.postJson("/mgmt/v1/tokens", Map.of("name", name, "role", role));
      out.println(token.path("token").asText());
      spec.commandLine()
          .getErr()
          .printf(
              "token '%s' (%s) created: keep it, it is not shown again%n",
              token.path("name").asText(), token.path("role").asText());
      return 0;
    }
  }

  @Command(name = "list", description = "Token names and roles.", mixinStandardHelpOptions = true)
  static final class ListTokens extends MgmtCommand {

    @Override
    int run(MgmtClient client, PrintWriter out) {
      Table table = new Table("NAME", "ROLE", "CREATED", "REVOKED");
      for (JsonNode token : client.get("/mgmt/v1/tokens")) {
        table.row(
            token.path("name").asText(),
            token.path("role").asText(),
            ListCommand.text(token, "createdAt"),
            ListCommand.text(token, "revokedAt"));
      }
      table.print(out);
      return 0;
    }
  }

  @Command(
      name = "revoke",
      description = "Revoke a token by name.",
      mixinStandardHelpOptions = true)
  static final class Revoke extends MgmtCommand {

    @Parameters(paramLabel = "<name>")
    String name;

    @Override
    int run(MgmtClient client, PrintWriter out) {
      client.delete("/mgmt/v1/tokens/" + StatusCommand.path(name));
      out.println("revoked token " + name);
      return 0;
    }
  }
}
