package dev.rollout.worker.device;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rollout.worker.device.DeviceClient.Answer;
import java.util.UUID;

/** One imported device speaking the device API for a test: its id, its token, its requests. */
record Handset(DeviceClient client, String id, String token, String model, String version) {

  Answer checkIn() {
    return client.post(
        "/device/v1/devices/" + id + "/check-in",
        token,
        "{'version': '"
            + version
            + "', 'hardwareModel': '"
            + model
            + "', 'batteryPercent': 80, 'freeStorageBytes': 900000000,"
            + " 'network': {'type': 'wifi', 'metered': false, 'quality': 0.9},"
            + " 'localTime': '2026-11-28T12:00:00+01:00'}");
  }

  /** The check-in's action: NONE, UPDATE, ... */
  String action() {
    Answer answer = checkIn();
    assertThat(answer.status()).isEqualTo(200);
    return answer.body().path("action").asText();
  }

  Answer events(String rolloutId, String... events) {
    StringBuilder batch = new StringBuilder("{'events': [");
    for (int i = 0; i < events.length; i++) {
      batch
          .append(i == 0 ? "" : ", ")
          .append("{'eventId': '")
          .append(UUID.randomUUID())
          .append("', 'rolloutId': '")
          .append(rolloutId)
          .append("', 'at': '2026-11-28T02:00:00Z', ")
          .append(events[i])
          .append('}');
    }
    return client.post("/device/v1/devices/" + id + "/events", token, batch + "]}");
  }

  static String downloadStarted(String version) {
    return "'type': 'DOWNLOAD_STARTED', 'version': '" + version + "'";
  }

  static String[] restOfInstall(String version) {
    return new String[] {
      "'type': 'DOWNLOAD_FINISHED', 'durationMs': 900",
      "'type': 'VERIFIED'",
      "'type': 'INSTALLED', 'durationMs': 400",
      "'type': 'REBOOTED', 'version': '" + version + "'",
      healthy(version)
    };
  }

  static String healthy(String version) {
    return "'type': 'HEALTH', 'healthy': true, 'version': '" + version + "'";
  }
}
