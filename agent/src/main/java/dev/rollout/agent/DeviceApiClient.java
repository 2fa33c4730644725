package dev.rollout.agent;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The device API over real HTTP (docs/device-api.md), blocking calls for a bounded worker pool. One
 * instance (and one {@link HttpClient} with its connection pool) serves any number of agents.
 */
public final class DeviceApiClient {

  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final int CHUNK = 16 * 1024;

  private final HttpClient http;
  private final URI base;

  public DeviceApiClient(HttpClient http, URI base) {
    this.http = requireNonNull(http, "http");
    this.base = requireNonNull(base, "base");
  }

  /** HTTP/1.1 (no h2c upgrade dance on every connection) with a bounded connect time. */
  public static HttpClient defaultHttpClient() {
    return HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(10))
        .build();
  }

  Offer checkIn(Credentials device, CheckIn body) throws IOException {
    String path = "/device/v1/devices/" + segment(device.deviceId()) + "/check-in";
    HttpResponse<String> response = send(post(device, path, Json.write(body)));
    return Json.read(response.body(), Offer.class);
  }

  /** The number of events the server took as new; duplicates of stored ones are not counted. */
  int postEvents(Credentials device, List<Event> events) throws IOException {
    String path = "/device/v1/devices/" + segment(device.deviceId()) + "/events";
    String body = Json.write(Map.of("events", events));
    HttpResponse<String> response = send(post(device, path, body));
    return Json.MAPPER.readTree(response.body()).path("accepted").asInt();
  }

  /**
   * Appends the resource at {@code url} to {@code sink}, from {@code sink.written()} on with a
   * {@code Range} request ({@code If-Range} with the ETag the part came with). A server that sends
   * it all (200: it ignores ranges, or the entity changed) makes the sink start over; a 206 of an
   * entity with another ETag too, and the transfer is then retried from byte 0. That second guard
   * stays although our server honours {@code If-Range}: offer URLs may name another origin (a CDN,
   * a cache) that does not, and appending another entity's bytes would cost a whole download.
   */
  void download(Credentials device, String url, ImageWriter sink) throws IOException {
    long offset = sink.written();
    HttpRequest.Builder request = request(device, url).GET();
    if (offset > 0) {
      request.header("Range", "bytes=" + offset + "-");
      sink.etag().ifPresent(etag -> request.header("If-Range", etag));
    }
    HttpResponse<InputStream> response = sendStreaming(request.build());
    try (InputStream body = response.body()) {
      String etag = strongEtag(response);
      if (response.statusCode() == 206) {
        requireRangeFrom(response, offset);
        requireSameEntity(sink, etag);
      } else if (offset > 0) {
        sink.reset();
      }
      sink.etag(etag);
      byte[] buffer = new byte[CHUNK];
      for (int n = body.read(buffer); n != -1; n = body.read(buffer)) {
        sink.write(buffer, 0, n);
      }
    }
  }

  /** A small resource (a delta) in memory, refused when larger than {@code limit}. */
  public byte[] fetch(Credentials device, String url, long limit) throws IOException {
    HttpResponse<InputStream> response = sendStreaming(request(device, url).GET().build());
    try (InputStream body = response.body()) {
      byte[] bytes = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
      if (bytes.length > limit) {
        throw new IOException(url + " is larger than " + limit + " bytes");
      }
      return bytes;
    }
  }

  private static String segment(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private HttpRequest post(Credentials device, String path, String json) {
    return request(device, path)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json))
        .build();
  }

  private HttpRequest.Builder request(Credentials device, String url) {
    URI uri = base.resolve(url);
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(TIMEOUT);
    // the token is the device's identity: never hand it to another origin an offer names
    if (sameOrigin(uri)) {
      request.header("Authorization", "Bearer " + device.token());
    }
    return request;
  }

  private boolean sameOrigin(URI uri) {
    return base.getScheme().equalsIgnoreCase(uri.getScheme())
        && base.getHost().equalsIgnoreCase(uri.getHost())
        && base.getPort() == uri.getPort();
  }

  private HttpResponse<String> send(HttpRequest request) throws IOException {
    HttpResponse<String> response = call(request, BodyHandlers.ofString());
    if (response.statusCode() / 100 != 2) {
      throw failure(response, response.body());
    }
    return response;
  }

  private HttpResponse<InputStream> sendStreaming(HttpRequest request) throws IOException {
    HttpResponse<InputStream> response = call(request, BodyHandlers.ofInputStream());
    if (response.statusCode() / 100 != 2) {
      try (InputStream body = response.body()) {
        throw failure(response, new String(body.readNBytes(64 * 1024), StandardCharsets.UTF_8));
      }
    }
    return response;
  }

  private <T> HttpResponse<T> call(HttpRequest request, HttpResponse.BodyHandler<T> handler)
      throws IOException {
    try {
      return http.send(request, handler);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }

  private static void requireRangeFrom(HttpResponse<?> response, long offset) throws IOException {
    String range = response.headers().firstValue("Content-Range").orElse("");
    if (!range.startsWith("bytes " + offset + "-")) {
      throw new IOException(
          "asked for bytes from " + offset + ", got Content-Range '" + range + "'");
    }
  }

  // A weak ETag may not be used in If-Range (RFC 9110 13.1.5): such a part is resumed unvalidated,
  // and the image's sha256 is checked before anything is installed anyway.
  private static String strongEtag(HttpResponse<?> response) {
    return response
        .headers()
        .firstValue("ETag")
        .filter(etag -> !etag.startsWith("W/"))
        .orElse(null);
  }

  private static void requireSameEntity(ImageWriter sink, String etag) throws IOException {
    Optional<String> before = sink.etag();
    if (before.isPresent() && etag != null && !before.get().equals(etag)) {
      sink.reset();
      throw new IOException("the artifact changed (ETag " + before.get() + " → " + etag + ")");
    }
  }

  private static HttpFailure failure(HttpResponse<?> response, String body) {
    String code = "HTTP_" + response.statusCode();
    String message = body;
    try {
      JsonNode error = Json.MAPPER.readTree(body);
      code = error.path("code").asText(code);
      message = error.path("message").asText(body);
    } catch (JsonProcessingException e) {
      // not the contract's error body (a proxy's page, say): keep the status as the code
    }
    return new HttpFailure(response.statusCode(), code, message, retryAfter(response).orElse(null));
  }

  private static Optional<Duration> retryAfter(HttpResponse<?> response) {
    try {
      return response
          .headers()
          .firstValue("Retry-After")
          .map(value -> Duration.ofSeconds(Math.max(0, Long.parseLong(value.trim()))));
    } catch (NumberFormatException e) {
      return Optional.empty(); // the HTTP-date form: fall back to the agent's own back-off
    }
  }

  /** A device's identity on the device API. */
  public record Credentials(String deviceId, String token) {
    public Credentials {
      requireNonNull(deviceId, "deviceId");
      requireNonNull(token, "token");
    }

    @Override
    public String toString() {
      return "Credentials[" + deviceId + "]"; // never log a token
    }
  }
}
