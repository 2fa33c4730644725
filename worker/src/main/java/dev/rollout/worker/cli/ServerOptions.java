package dev.rollout.worker.cli;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where the mgmt API is and which operator token to send. */
final class ServerOptions {

  /** Where {@code rollout server} writes the bootstrap admin token by default. */
  static final Path DEFAULT_TOKEN_FILE = Path.of("data", "admin-token");

  @Option(
      names = "--server",
      paramLabel = "<url>",
      defaultValue = "${env:ROLLOUT_SERVER:-http://localhost:8080}",
      description = "the engine's URL (default: ROLLOUT_SERVER or ${DEFAULT-VALUE})")
  String server;

  @Option(
      names = "--token",
      paramLabel = "<token>",
      defaultValue = "${env:ROLLOUT_TOKEN}",
      description = "operator token (default: ROLLOUT_TOKEN, else the file ./data/admin-token)")
  String token;

  URI base() {
    try {
      URI uri =
          URI.create(server.endsWith("/") ? server.substring(0, server.length() - 1) : server);
      if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
        throw new IllegalArgumentException("not http(s)");
      }
      return uri;
    } catch (IllegalArgumentException e) {
      throw new CliFailure(
          CliFailure.INVALID_INPUT, "rollout: --server is not an http(s) URL: " + server);
    }
  }

  String token() {
    if (token != null && !token.isBlank()) {
      return token.strip();
    }
    try {
      return Files.readString(DEFAULT_TOKEN_FILE).strip();
    } catch (IOException e) {
      throw new CliFailure(
          CliFailure.INVALID_INPUT,
          "rollout: no operator token: pass --token, set ROLLOUT_TOKEN, or run where"
              + " ./data/admin-token exists (written by ./rollout server)");
    }
  }
}
