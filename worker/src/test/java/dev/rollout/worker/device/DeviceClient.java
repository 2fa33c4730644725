package dev.rollout.worker.device;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.function.Function;

/** A device's side of the HTTP API for tests: real requests, JSON answers. */
final class DeviceClient {

  static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private final Function<String, URI> url;

  DeviceClient(Function<String, URI> url) {
    this.url = url;
  }

  record Answer(int status, JsonNode body, HttpResponse<byte[]> raw) {
    String code() {
      return body.path("code").asText();
    }
  }

  Answer post(String path, String token, String contentType, String body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(url.apply(path))
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return send(request.build());
  }

  Answer post(String path, String token, String json) {
    return post(path, token, "application/json", json.replace('\'', '"'));
  }

  Answer get(String path, String token, String range) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(url.apply(path)).header("Authorization", "Bearer " + token).GET();
    if (range != null) {
      request.header("Range", range);
    }
    return send(request.build());
  }

  static Answer send(HttpRequest request) {
    try {
      HttpResponse<byte[]> response = HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
      JsonNode body = JSON.missingNode();
      String type = response.headers().firstValue("Content-Type").orElse("");
      if (type.contains("json") && response.body().length > 0) {
        body = JSON.readTree(response.body());
      }
      return new Answer(response.statusCode(), body, response);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
