package dev.rollout.agent.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Imports generated devices through {@code POST /mgmt/v1/devices/import} with an admin token, in
 * chunks, and collects the one-time device tokens it answers with.
 */
public final class FleetImporter {

  static final int CHUNK = 1_000;
  private static final ObjectMapper JSON = new ObjectMapper();

  private FleetImporter() {}

  /** Device id to token, for every device. */
  public static Map<String, String> importDevices(
      HttpClient http, URI base, String adminToken, List<SimDevice> devices)
      throws IOException, InterruptedException {
    Map<String, String> tokens = new HashMap<>();
    for (int from = 0; from < devices.size(); from += CHUNK) {
      List<SimDevice> chunk = devices.subList(from, Math.min(devices.size(), from + CHUNK));
      HttpRequest request =
          HttpRequest.newBuilder(base.resolve("/mgmt/v1/devices/import"))
              .timeout(Duration.ofMinutes(2))
              .header("Authorization", "Bearer " + adminToken)
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString(body(chunk)))
              .build();
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IOException(
            "device import answered " + response.statusCode() + ": " + response.body());
      }
      for (JsonNode token : JSON.readTree(response.body()).path("tokens")) {
        tokens.put(token.path("deviceId").asText(), token.path("token").asText());
      }
    }
    List<String> missing =
        devices.stream().map(SimDevice::id).filter(id -> !tokens.containsKey(id)).toList();
    if (!missing.isEmpty()) {
      throw new IOException(
          "the import issued no token for " + missing.size() + " devices, e.g. " + missing.get(0));
    }
    return tokens;
  }

  private static String body(List<SimDevice> devices) throws IOException {
    List<Map<String, Object>> rows =
        devices.stream()
            .map(
                device -> {
                  Map<String, Object> row = new LinkedHashMap<>();
                  row.put("id", device.id());
                  row.put("hardwareModel", device.hardwareModel());
                  row.put("region", device.region());
                  row.put("version", device.version());
                  row.put("tags", device.tags());
                  return row;
                })
            .toList();
    return JSON.writeValueAsString(Map.of("devices", rows));
  }
}
