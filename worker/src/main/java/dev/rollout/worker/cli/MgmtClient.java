package dev.rollout.worker.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The CLI's client of the mgmt API (plain {@code java.net.http}): answers as JSON trees, failures
 * as {@link CliFailure} with the exit status they mean.
 */
public final class MgmtClient {

  static final ObjectMapper JSON = new ObjectMapper();

  /** Codes that mean "your input is wrong" (exit 2) rather than "the server refused" (exit 1). */
  private static final Set<String> INPUT_CODES =
      Set.of("INVALID_PLAN", "INVALID_REQUEST", "MALFORMED_JSON", "BODY_TOO_LARGE");

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final URI base;
  private final String token;

  public MgmtClient(URI base, String token) {
    this.base = base;
    this.token = token;
  }

  public JsonNode get(String path) {
    return send("GET", path, null, HttpRequest.BodyPublishers.noBody());
  }

  public JsonNode post(String path, String contentType, BodyPublisher body) {
    return send("POST", path, contentType, body);
  }

  public JsonNode postJson(String path, Object body) {
    try {
      return post(
          path,
          "application/json",
          HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
    } catch (IOException e) {
      throw new IllegalStateException("maps of strings always serialize", e);
    }
  }

  JsonNode delete(String path) {
    return send("DELETE", path, null, HttpRequest.BodyPublishers.noBody());
  }

  JsonNode send(String method, String path, String contentType, BodyPublisher body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + path))
            .timeout(Duration.ofMinutes(2))
            .header("Authorization", "Bearer " + token)
            .header("Accept", "application/json")
            .method(method, body);
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    HttpResponse<String> response;
    try {
      response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new CliFailure(
          CliFailure.UNREACHABLE,
          "rollout: cannot reach the server at %s (%s); start it with ./rollout server, or set"
                  .formatted(
                      base, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())
              + " --server / ROLLOUT_SERVER");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CliFailure(CliFailure.SERVER_ERROR, "rollout: interrupted");
    }
    JsonNode answer = parse(response.body());
    if (response.statusCode() >= 400) {
      throw failure(response.statusCode(), answer);
    }
    return answer;
  }

  private static JsonNode parse(String body) {
    if (body == null || body.isBlank()) {
      return JSON.missingNode();
    }
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      return JSON.getNodeFactory().textNode(body);
    }
  }

  private static CliFailure failure(int status, JsonNode error) {
    String code = error.path("code").asText("HTTP_" + status);
    String message = error.path("message").asText(error.isTextual() ? error.asText() : "");
    List<String> lines = new ArrayList<>();
    lines.add("rollout: " + code + ": " + message);
    for (JsonNode problem : error.path("problems")) {
      lines.add(
          "  %s: %s [%s]"
              .formatted(
                  problem.path("path").asText(),
                  problem.path("message").asText(),
                  problem.path("code").asText()));
    }
    boolean input = INPUT_CODES.contains(code);
    return new CliFailure(input ? CliFailure.INVALID_INPUT : CliFailure.SERVER_ERROR, lines);
  }
}
