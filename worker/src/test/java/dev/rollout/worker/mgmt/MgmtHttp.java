package dev.rollout.worker.mgmt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Plain HTTP calls to the mgmt API, as any client would make them. */
public final class MgmtHttp {

  /** A status and the parsed body (a missing node when empty). */
  public record Answer(int status, JsonNode body) {}

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private MgmtHttp() {}

  public static Answer call(URI url, String method, String token, String contentType, String body) {
    HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(60));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    request.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    try {
      HttpResponse<String> response =
          CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
      JsonNode parsed =
          response.body().isEmpty() ? JSON.missingNode() : JSON.readTree(response.body());
      return new Answer(response.statusCode(), parsed);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public static Answer get(URI url, String token) {
    return call(url, "GET", token, null, null);
  }

  public static Answer postJson(URI url, String token, String json) {
    return call(url, "POST", token, "application/json", json);
  }
}
