package dev.rollout.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.rollout.definitions.release.Sha256;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;

/**
 * A faithful fake of docs/device-api.md for the agent's tests, over real HTTP on a loopback port:
 * bearer tokens (401 / 403), check-in answers scripted per device, idempotent event batches (409
 * for a reused id with other content, 503 with Retry-After on demand), artifacts with range
 * requests, and the mgmt import the simulator uses. It keeps what it was sent, for assertions.
 */
final class FakeDeviceApi implements AutoCloseable {

  static final String ADMIN_TOKEN = "admin-secret";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String NONE = "{\"action\":\"NONE\",\"nextCheckInSeconds\":600}";

  private final HttpServer server;
  private final ExecutorService executor = Executors.newFixedThreadPool(8);
  private final Map<String, String> deviceByToken = new ConcurrentHashMap<>();
  private final Map<String, Deque<String>> answers = new ConcurrentHashMap<>();
  private final Map<String, Map<String, JsonNode>> events = new ConcurrentHashMap<>();
  private final Map<String, byte[]> artifacts = new ConcurrentHashMap<>();
  private final Map<String, Integer> cutAfter = new ConcurrentHashMap<>();
  private final Map<String, Integer> failNext = new ConcurrentHashMap<>();
  private final Map<String, String> etags = new ConcurrentHashMap<>();
  final List<String> rangeHeaders = new CopyOnWriteArrayList<>();
  final List<String> ifRangeHeaders = new CopyOnWriteArrayList<>();
  final List<JsonNode> checkIns = new CopyOnWriteArrayList<>();
  final AtomicInteger unavailableEventPosts = new AtomicInteger();
  final AtomicInteger eventPosts = new AtomicInteger();
  final AtomicInteger rejectedEventPosts = new AtomicInteger();
  final AtomicInteger artifactRequests = new AtomicInteger();
  final List<String> artifactPaths = new CopyOnWriteArrayList<>();
  final AtomicLong checkInCount = new AtomicLong();
  final AtomicInteger duplicates = new AtomicInteger();
  private volatile boolean keepCheckIns = true;
  private volatile boolean honoursIfRange = true;
  private volatile BiFunction<String, JsonNode, String> responder;

  FakeDeviceApi() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 200);
    server.createContext("/device/v1/", this::device);
    server.createContext("/mgmt/v1/devices/import", this::importDevices);
    server.setExecutor(executor);
    server.start();
  }

  URI base() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  String register(String deviceId) {
    String token = UUID.randomUUID().toString();
    deviceByToken.put(token, deviceId);
    return token;
  }

  void answer(String deviceId, String json) {
    answers.computeIfAbsent(deviceId, id -> new ArrayDeque<>()).addLast(json);
  }

  /** For fleets: the answer to any check-in without a scripted one. */
  void respond(BiFunction<String, JsonNode, String> responder) {
    this.responder = responder;
  }

  void keepCheckIns(boolean keep) {
    keepCheckIns = keep;
  }

  void artifact(String path, byte[] bytes) {
    artifacts.put(path, bytes);
  }

  /** Serves {@code path} with this ETag from now on (by default the quoted sha256 of its bytes). */
  void etag(String path, String etag) {
    etags.put(path, etag);
  }

  /**
   * False: serves the range whatever {@code If-Range} says, as a server or cache on another origin
   * may (Spring MVC does for a {@code ResponseEntity<Resource>}, spring-framework gh-27952, which
   * is why our controller evaluates it itself); true (default): RFC 9110, as our server does: a
   * stale {@code If-Range} gets the whole entity with 200.
   */
  void honoursIfRange(boolean honours) {
    honoursIfRange = honours;
  }

  /** The next download of {@code path} breaks off after {@code bytes}. */
  void cutNextDownload(String path, int bytes) {
    cutAfter.put(path, bytes);
  }

  /** The next request for {@code path} gets this error status (503 with {@code Retry-After}). */
  void failNextDownload(String path, int status) {
    failNext.put(path, status);
  }

  /** Stored events of a device, in order, each once. */
  List<JsonNode> events(String deviceId) {
    return new ArrayList<>(events.getOrDefault(deviceId, Map.of()).values());
  }

  List<String> eventTypes(String deviceId) {
    return events(deviceId).stream().map(e -> e.get("type").asText()).toList();
  }

  private void device(HttpExchange exchange) throws IOException {
    try (exchange) {
      String deviceId = authenticate(exchange);
      if (deviceId == null) {
        return;
      }
      String path = exchange.getRequestURI().getPath();
      String[] parts = path.split("/");
      if (path.startsWith("/device/v1/artifacts/")) {
        artifact(exchange, path);
      } else if (parts.length == 6 && parts[3].equals("devices") && !parts[4].equals(deviceId)) {
        error(exchange, 403, "NOT_THIS_DEVICE", "not your device");
      } else if (parts.length == 6 && parts[5].equals("check-in")) {
        checkIn(exchange, deviceId);
      } else if (parts.length == 6 && parts[5].equals("events")) {
        events(exchange, deviceId);
      } else {
        error(exchange, 404, "NOT_FOUND", path);
      }
    }
  }

  private String authenticate(HttpExchange exchange) throws IOException {
    String header = exchange.getRequestHeaders().getFirst("Authorization");
    String deviceId =
        header != null && header.startsWith("Bearer ")
            ? deviceByToken.get(header.substring(7))
            : null;
    if (deviceId == null) {
      error(exchange, 401, "UNAUTHENTICATED", "no valid device token");
    }
    return deviceId;
  }

  private void checkIn(HttpExchange exchange, String deviceId) throws IOException {
    JsonNode body = JSON.readTree(exchange.getRequestBody());
    checkInCount.incrementAndGet();
    if (keepCheckIns) {
      checkIns.add(body);
    }
    Deque<String> scripted = answers.get(deviceId);
    String answer = scripted == null ? null : scripted.pollFirst();
    if (answer == null) {
      answer = responder == null ? NONE : responder.apply(deviceId, body);
    }
    send(exchange, 200, answer);
  }

  private void events(HttpExchange exchange, String deviceId) throws IOException {
    eventPosts.incrementAndGet();
    if (unavailableEventPosts.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
      exchange.getResponseHeaders().set("Retry-After", "1");
      error(exchange, 503, "STORE_UNAVAILABLE", "try later");
      return;
    }
    if (rejectedEventPosts.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
      error(exchange, 409, "EVENT_OUT_OF_ORDER", "does not apply");
      return;
    }
    ArrayNode batch = (ArrayNode) JSON.readTree(exchange.getRequestBody()).get("events");
    Map<String, JsonNode> stored = events.computeIfAbsent(deviceId, id -> new LinkedHashMap<>());
    synchronized (stored) {
      int accepted = 0;
      int dup = 0;
      for (JsonNode event : batch) {
        JsonNode before = stored.get(event.get("eventId").asText());
        if (before != null && !before.equals(event)) {
          error(exchange, 409, "EVENT_ID_REUSED", event.get("eventId").asText());
          return;
        }
        dup += before == null ? 0 : 1;
      }
      for (JsonNode event : batch) {
        accepted += stored.putIfAbsent(event.get("eventId").asText(), event) == null ? 1 : 0;
      }
      duplicates.addAndGet(dup);
      send(exchange, 200, "{\"accepted\":" + accepted + ",\"duplicates\":" + dup + "}");
    }
  }

  private void artifact(HttpExchange exchange, String path) throws IOException {
    artifactRequests.incrementAndGet();
    artifactPaths.add(path);
    Integer failure = failNext.remove(path);
    if (failure != null) {
      exchange.getResponseHeaders().set("Retry-After", "1");
      error(exchange, failure, "UNAVAILABLE", "try later");
      return;
    }
    byte[] bytes = artifacts.get(path);
    if (bytes == null) {
      error(exchange, 404, "NOT_FOUND", path);
      return;
    }
    String etag = etags.computeIfAbsent(path, p -> "\"" + Sha256.hex(bytes) + "\"");
    exchange.getResponseHeaders().set("ETag", etag);
    String range = exchange.getRequestHeaders().getFirst("Range");
    String ifRange = exchange.getRequestHeaders().getFirst("If-Range");
    if (ifRange != null) {
      ifRangeHeaders.add(ifRange);
    }
    if (range != null) {
      rangeHeaders.add(range);
    }
    if (range != null && honoursIfRange && ifRange != null && !ifRange.equals(etag)) {
      range = null; // the part the device has is of another entity: send it all
    }
    int from = 0;
    if (range != null) {
      from = Integer.parseInt(range.substring("bytes=".length(), range.indexOf('-')));
      if (from >= bytes.length) {
        error(exchange, 416, "RANGE_NOT_SATISFIABLE", range);
        return;
      }
      exchange
          .getResponseHeaders()
          .set("Content-Range", "bytes " + from + "-" + (bytes.length - 1) + "/" + bytes.length);
    }
    int length = bytes.length - from;
    Integer cut = cutAfter.remove(path);
    exchange.sendResponseHeaders(range == null ? 200 : 206, length);
    OutputStream out = exchange.getResponseBody();
    out.write(bytes, from, cut == null ? length : Math.min(cut, length));
    out.flush();
    // with a cut, closing the exchange short of Content-Length drops the connection midway
  }

  private void importDevices(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (!("Bearer " + ADMIN_TOKEN)
          .equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
        error(exchange, 401, "UNAUTHENTICATED", "admin token required");
        return;
      }
      ObjectNode answer = JSON.createObjectNode();
      ArrayNode tokens = answer.putArray("tokens");
      JsonNode devices = JSON.readTree(exchange.getRequestBody()).get("devices");
      for (JsonNode device : devices) {
        String id = device.get("id").asText();
        tokens.addObject().put("deviceId", id).put("token", register(id));
      }
      answer.put("created", devices.size()).put("updated", 0);
      send(exchange, 200, JSON.writeValueAsString(answer));
    }
  }

  private static void error(HttpExchange exchange, int status, String code, String message)
      throws IOException {
    send(exchange, status, "{\"code\":\"" + code + "\",\"message\":\"" + message + "\"}");
  }

  private static void send(HttpExchange exchange, int status, String json) throws IOException {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, body.length);
    exchange.getResponseBody().write(body);
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
