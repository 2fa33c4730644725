package dev.rollout.worker.device;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rollout.worker.device.DeviceClient.Answer;
import java.util.UUID;

/** One imported device speaking the device API for a test: its id, its token, its requests. */
record Handset(DeviceClient client, String id, String token, String model, String version) {

  /** Imports one device in eu-west through the mgmt API and gives its handset. */
  static Handset imported(
      DeviceClient client, String adminToken, String id, String model, String version) {
    Answer answer =
        client.post(
            "/mgmt/v1/devices/import",
            adminToken,
            "{'devices': [{'id': '"
                + id
                + "', 'hardwareModel': '"
                + model
                + "', 'region': 'eu-west', 'version': '"
                + version
                + "'}]}");
    assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
    assertThat(answer.body().get("created").asInt()).isEqualTo(1);
    return new Handset(client, id, answer.body().at("/tokens/0/token").asText(), model, version);
  }

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

  /** The events, each with a fresh event id. */
  Answer events(String rolloutId, String... events) {
    String[] identified = new String[events.length];
    for (int i = 0; i < events.length; i++) {
      identified[i] = "'eventId': '" + UUID.randomUUID() + "', " + events[i];
    }
    return client.post("/device/v1/devices/" + id + "/events", token, batch(rolloutId, identified));
  }

  /** An events body: each event (its own fields, the event id among them) in the rollout. */
  static String batch(String rolloutId, String... events) {
    StringBuilder batch = new StringBuilder("{'events': [");
    for (int i = 0; i < events.length; i++) {
      batch
          .append(i == 0 ? "" : ", ")
          .append("{'rolloutId': '")
          .append(rolloutId)
          .append("', 'at': '2026-11-28T02:00:00Z', ")
          .append(events[i])
          .append('}');
    }
    return batch + "]}";
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
