package dev.rollout.worker.device;

import static dev.rollout.activities.device.DeviceFixtures.assign;
import static dev.rollout.activities.device.DeviceFixtures.assignment;
import static dev.rollout.activities.device.DeviceFixtures.policy;
import static dev.rollout.activities.device.DeviceFixtures.rollout;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rollout.activities.device.CheckIns;
import dev.rollout.activities.device.DeviceFixtures;
import dev.rollout.activities.testing.Releases;
import dev.rollout.definitions.plan.NetworkPolicy.Metered;
import dev.rollout.definitions.release.Keys;
import dev.rollout.definitions.release.ManifestVerifier;
import dev.rollout.definitions.release.TrustedKey;
import dev.rollout.definitions.release.TrustedKeys;
import dev.rollout.definitions.release.Verification;
import dev.rollout.worker.EngineTest;
import dev.rollout.worker.config.RolloutProperties;
import dev.rollout.worker.device.DeviceClient.Answer;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.Arrays;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The device API over real HTTP against the running engine. Its releases (7.x) and ids (dapi-) are
 * its own: the engine and its database are shared with the other engine tests.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeviceApiIT extends EngineTest {

  static final KeyPair KEY = Keys.generate();
  static final byte[] IMAGE = image(70_000, 7);
  static final String OLD = "7.1.0";
  static final String STONE = "7.1.5";
  static final String TARGET = "7.2.0";

  @Autowired RolloutProperties properties;
  @Autowired CheckIns checkIns;
  DeviceClient client;

  static byte[] image(int size, int seed) {
    byte[] bytes = new byte[size];
    for (int i = 0; i < size; i++) {
      bytes[i] = (byte) (i * 31 + seed);
    }
    return bytes;
  }

  @BeforeAll
  void releases() {
    client = new DeviceClient(this::url);
    Path root = properties.dataDir().resolve("artifacts");
    Releases.registerSigned(dataSource, root, KEY, OLD, image(1000, 1), false, "th-100");
    Releases.registerSigned(dataSource, root, KEY, STONE, image(2000, 2), true, "th-100");
    Releases.registerSigned(dataSource, root, KEY, TARGET, IMAGE, false, "th-100");
    Releases.registerDelta(dataSource, root, TARGET, STONE, image(300, 3));
    checkIns.refreshReleases();
  }

  static String unique(String prefix) {
    return prefix + UUID.randomUUID().toString().substring(0, 8);
  }

  /** Imports one device through the mgmt endpoint; returns its token. */
  String device(String id, String version) {
    return Handset.imported(client, adminToken(), id, "th-100", version).token();
  }

  Answer checkIn(String id, String token, String version, boolean metered, String localTime) {
    return client.post(
        "/device/v1/devices/" + id + "/check-in",
        token,
        "{'version': '"
            + version
            + "', 'hardwareModel': 'th-100', 'batteryPercent': 80,"
            + " 'freeStorageBytes': 900000000, 'network': {'type': 'cellular', 'metered': "
            + metered
            + ", 'quality': 0.9}, 'localTime': '"
            + localTime
            + "'}");
  }

  Answer checkIn(String id, String token, String version) {
    return checkIn(id, token, version, false, "2026-11-28T12:00:00+01:00");
  }

  Answer events(String id, String token, String rolloutId, String... events) {
    return client.post(
        "/device/v1/devices/" + id + "/events", token, Handset.batch(rolloutId, events));
  }

  static String event(String type, String extra) {
    return "'eventId': '"
        + UUID.randomUUID()
        + "', 'type': '"
        + type
        + "'"
        + (extra.isEmpty() ? "" : ", " + extra);
  }

  @Test
  void tokensOnlyActForTheirOwnDevice() {
    String a = unique("dapi-a-");
    String b = unique("dapi-b-");
    String tokenA = device(a, OLD);
    device(b, OLD);
    Answer asB = checkIn(b, tokenA, OLD);
    assertThat(asB.status()).isEqualTo(403);
    assertThat(asB.code()).isEqualTo("NOT_THIS_DEVICE");
    Answer eventsAsB = events(b, tokenA, "rollout-x", event("VERIFIED", ""));
    assertThat(eventsAsB.status()).isEqualTo(403);
    Answer unknown = checkIn(a, "x".repeat(43), OLD);
    assertThat(unknown.status()).isEqualTo(401);
    assertThat(unknown.code()).isEqualTo("UNAUTHENTICATED");
    Answer unknownDevice = checkIn("dapi-nobody", "x".repeat(43), OLD);
    assertThat(unknownDevice.body()).isEqualTo(unknown.body());
    assertThat(client.post("/device/v1/devices/" + a + "/check-in", null, "{}").status())
        .isEqualTo(401);
    assertThat(checkIn(a, tokenA, OLD).status()).isEqualTo(200);
  }

  @Test
  void badBodiesAreRefusedWithStableCodes() {
    String id = unique("dapi-bad-");
    String token = device(id, OLD);
    Answer malformed = client.post("/device/v1/devices/" + id + "/check-in", token, "{'version':");
    assertThat(malformed.status()).isEqualTo(400);
    assertThat(malformed.code()).isEqualTo("MALFORMED_JSON");
    Answer invalid =
        client.post(
            "/device/v1/devices/" + id + "/check-in",
            token,
            "{'version': 'x', 'batteryPercent': 101}");
    assertThat(invalid.status()).isEqualTo(400);
    assertThat(invalid.code()).isEqualTo("INVALID_REQUEST");
    assertThat(invalid.body().findValuesAsText("path"))
        .containsExactly("version", "hardwareModel", "batteryPercent", "localTime");
    Answer huge =
        client.post(
            "/device/v1/devices/" + id + "/check-in",
            token,
            "{'version': '" + OLD + "', 'pad': '" + "x".repeat(17 * 1024) + "'}");
    assertThat(huge.status()).isEqualTo(413);
    assertThat(huge.code()).isEqualTo("BODY_TOO_LARGE");
  }

  @Test
  void steppingStoneThenTargetWithASignedManifest() throws Exception {
    String id = unique("dapi-s-");
    String token = device(id, OLD);
    String rolloutId = unique("rollout-dapi-");
    rollout(dataSource, rolloutId, TARGET, policy(0, Metered.ALLOW), "RUNNING");
    assign(dataSource, rolloutId, id, TARGET, OLD);

    JsonNode first = checkIn(id, token, OLD).body();
    assertThat(first.get("action").asText()).isEqualTo("UPDATE");
    assertThat(first.get("version").asText()).isEqualTo(STONE);
    Verification verified =
        new ManifestVerifier(TrustedKeys.of(TrustedKey.of(Releases.PRODUCT, KEY.getPublic())))
            .verify(first.get("manifest").toString());
    assertThat(verified).isInstanceOf(Verification.Valid.class);
    assertThat(first.has("delta")).isFalse();
    install(id, token, rolloutId, STONE);

    JsonNode second = checkIn(id, token, STONE).body();
    assertThat(second.get("version").asText()).isEqualTo(TARGET);
    assertThat(second.at("/artifact/url").asText()).isEqualTo("/device/v1/artifacts/" + TARGET);
    assertThat(second.at("/artifact/size").asLong()).isEqualTo(IMAGE.length);
    assertThat(second.at("/delta/from").asText()).isEqualTo(STONE);
    assertThat(second.at("/policy/minFreeStorageBytes").asLong()).isEqualTo(2L * IMAGE.length);
    install(id, token, rolloutId, TARGET);
    assertThat(assignment(dataSource, rolloutId, id)).containsEntry("outcome", "SUCCEEDED");
    assertThat(checkIn(id, token, TARGET).body().get("action").asText()).isEqualTo("NONE");
    // two installs of 0.9 s downloads and 0.4 s installs, in the rollout's histograms
    assertThat(prometheus())
        .contains("rollout_device_download_seconds_count{rollout=\"" + rolloutId + "\"} 2")
        .contains("rollout_device_install_seconds_sum{rollout=\"" + rolloutId + "\"} 0.8")
        .contains("rollout_device_check_ins_total{action=\"UPDATE\"}");
  }

  private String prometheus() throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(url("/actuator/prometheus")).build(),
            HttpResponse.BodyHandlers.ofString())
        .body();
  }

  private void install(String id, String token, String rolloutId, String version) {
    Answer answer =
        events(
            id,
            token,
            rolloutId,
            event("DOWNLOAD_STARTED", "'version': '" + version + "'"),
            event("DOWNLOAD_FINISHED", "'durationMs': 900"),
            event("VERIFIED", ""),
            event("INSTALLED", "'durationMs': 400"),
            event("REBOOTED", "'version': '" + version + "'"),
            event("HEALTH", "'healthy': true, 'version': '" + version + "'"));
    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.body().get("accepted").asInt()).isEqualTo(6);
  }

  @Test
  void eventsAreIdempotentAndOrdered() {
    String id = unique("dapi-e-");
    String token = device(id, STONE);
    String rolloutId = unique("rollout-dapi-");
    rollout(dataSource, rolloutId, TARGET, policy(0, Metered.ALLOW), "RUNNING");
    assign(dataSource, rolloutId, id, TARGET, STONE);
    String started = event("DOWNLOAD_STARTED", "'version': '" + TARGET + "', 'delta': true");
    assertThat(events(id, token, rolloutId, started).body().get("accepted").asInt()).isEqualTo(1);
    Answer replay = events(id, token, rolloutId, started);
    assertThat(replay.status()).isEqualTo(200);
    assertThat(replay.body().get("duplicates").asInt()).isEqualTo(1);
    assertThat(DeviceFixtures.events(dataSource, id)).isEqualTo(1);

    Answer reused = events(id, token, rolloutId, started.replace("true", "false"));
    assertThat(reused.status()).isEqualTo(409);
    assertThat(reused.code()).isEqualTo("EVENT_ID_REUSED");

    Answer outOfOrder =
        events(
            id,
            token,
            rolloutId,
            event("INSTALLED", "'durationMs': 5"),
            event("HEALTH", "'healthy': true, 'version': '" + TARGET + "'"));
    assertThat(outOfOrder.status()).isEqualTo(409);
    assertThat(outOfOrder.code()).isEqualTo("EVENT_OUT_OF_ORDER");
    assertThat(DeviceFixtures.events(dataSource, id)).isEqualTo(1);
    assertThat(assignment(dataSource, rolloutId, id)).containsEntry("install_ms", null);

    Answer fallback = events(id, token, rolloutId, event("REBOOTED", "'version': '" + STONE + "'"));
    assertThat(fallback.status()).isEqualTo(200);
    assertThat(assignment(dataSource, rolloutId, id))
        .containsEntry("outcome", "FAILED")
        .containsEntry("last_error_code", "SILENT_FALLBACK");
  }

  @Test
  void meteredDevicesWaitForOffPeakOrAskTheUser() {
    String id = unique("dapi-m-");
    String token = device(id, STONE);
    String offPeak = unique("rollout-dapi-");
    rollout(dataSource, offPeak, TARGET, policy(0, Metered.OFF_PEAK), "RUNNING");
    assign(dataSource, offPeak, id, TARGET, STONE);
    JsonNode noon = checkIn(id, token, STONE, true, "2026-11-28T12:00:00-05:00").body();
    assertThat(noon.get("action").asText()).isEqualTo("NONE");
    assertThat(noon.get("deferredReason").asText()).isEqualTo("METERED_OUTSIDE_OFF_PEAK");
    // a deferral may clear: the active interval (60 s ± 10 %), not the idle one
    assertThat(noon.get("nextCheckInSeconds").asInt()).isBetween(54, 66);
    JsonNode night = checkIn(id, token, STONE, true, "2026-11-28T02:00:00-05:00").body();
    assertThat(night.get("action").asText()).isEqualTo("UPDATE");
    assertThat(night.at("/policy/requiresUserApproval").asBoolean()).isFalse();

    String asker = unique("dapi-m-");
    String askerToken = device(asker, STONE);
    String ask = unique("rollout-dapi-");
    rollout(dataSource, ask, TARGET, policy(0, Metered.ASK), "RUNNING");
    assign(dataSource, ask, asker, TARGET, STONE);
    JsonNode asked = checkIn(asker, askerToken, STONE, true, "2026-11-28T12:00:00Z").body();
    assertThat(asked.get("action").asText()).isEqualTo("UPDATE");
    assertThat(asked.at("/policy/requiresUserApproval").asBoolean()).isTrue();
    assertThat(asked.at("/policy/metered").asText()).isEqualTo("ask");
  }

  @Test
  void pausedRolloutOffersNothingAndRollbackOffersThePreviousVersion() {
    String id = unique("dapi-r-");
    String token = device(id, TARGET);
    String rolloutId = unique("rollout-dapi-");
    rollout(dataSource, rolloutId, TARGET, policy(0, Metered.ALLOW), "PAUSED");
    assign(dataSource, rolloutId, id, TARGET, STONE);
    JsonNode paused = checkIn(id, token, STONE).body();
    assertThat(paused.get("action").asText()).isEqualTo("NONE");
    assertThat(paused.get("nextCheckInSeconds").asInt()).isBetween(540, 660);
    DeviceFixtures.setAssignment(
        dataSource, rolloutId, id, "outcome = 'SUCCEEDED', rollback_state = 'OFFERED'");
    DeviceFixtures.rolloutState(dataSource, rolloutId, "ROLLING_BACK");
    JsonNode rollback = checkIn(id, token, TARGET).body();
    assertThat(rollback.get("action").asText()).isEqualTo("ROLLBACK");
    assertThat(rollback.get("version").asText()).isEqualTo(STONE);
    assertThat(rollback.get("nextCheckInSeconds").asInt()).isBetween(54, 66);
    Answer done = events(id, token, rolloutId, event("ROLLED_BACK", "'version': '" + STONE + "'"));
    assertThat(done.status()).isEqualTo(200);
    assertThat(assignment(dataSource, rolloutId, id))
        .containsEntry("outcome", "ROLLED_BACK")
        .containsEntry("rollback_state", "DONE");
  }

  @Test
  void downloadsResumeWithRangesAndRefuseBadPaths() {
    String token = device(unique("dapi-d-"), OLD);
    Answer full = client.get("/device/v1/artifacts/" + TARGET, token, null);
    assertThat(full.status()).isEqualTo(200);
    assertThat(full.raw().body()).isEqualTo(IMAGE);
    assertThat(full.raw().headers().firstValue("ETag")).isPresent();

    Answer rest = client.get("/device/v1/artifacts/" + TARGET, token, "bytes=65536-");
    assertThat(rest.status()).isEqualTo(206);
    assertThat(rest.raw().body()).isEqualTo(Arrays.copyOfRange(IMAGE, 65536, IMAGE.length));
    assertThat(rest.raw().headers().firstValue("Content-Range"))
        .contains("bytes 65536-" + (IMAGE.length - 1) + "/" + IMAGE.length);

    Answer beyond = client.get("/device/v1/artifacts/" + TARGET, token, "bytes=999999-");
    assertThat(beyond.status()).isEqualTo(416);
    assertThat(beyond.code()).isEqualTo("RANGE_NOT_SATISFIABLE");

    Answer delta = client.get("/device/v1/artifacts/" + TARGET + "/delta/" + STONE, token, null);
    assertThat(delta.raw().body()).isEqualTo(image(300, 3));

    for (String bad :
        new String[] {
          "/device/v1/artifacts/..%2F..%2Fetc%2Fpasswd",
          "/device/v1/artifacts/not-a-version",
          "/device/v1/artifacts/9.9.9",
          "/device/v1/artifacts/" + TARGET + "/delta/..%2F" + OLD,
          "/device/v1/artifacts/" + TARGET + "/delta/" + OLD
        }) {
      assertThat(client.get(bad, token, null).status()).as(bad).isIn(400, 404);
    }
    assertThat(client.get("/device/v1/artifacts/not-a-version", token, null).code())
        .isEqualTo("NOT_FOUND");
  }

  @Test
  void ifRangeKeepsTheRangeOnlyForTheSameEntity() {
    String token = device(unique("dapi-r-"), OLD);
    String etag =
        client
            .get("/device/v1/artifacts/" + TARGET, token, null)
            .raw()
            .headers()
            .firstValue("ETag")
            .orElseThrow();
    byte[] rest = Arrays.copyOfRange(IMAGE, 65536, IMAGE.length);

    Answer same = resume(token, etag);
    assertThat(same.status()).isEqualTo(206);
    assertThat(same.raw().body()).isEqualTo(rest);

    for (String stale :
        new String[] {"\"" + "0".repeat(64) + "\"", "W/" + etag, "Sat, 28 Nov 2026 02:00:00 GMT"}) {
      Answer whole = resume(token, stale);
      assertThat(whole.status()).as(stale).isEqualTo(200);
      assertThat(whole.raw().body()).as(stale).isEqualTo(IMAGE);
      assertThat(whole.raw().headers().firstValue("Content-Range")).as(stale).isEmpty();
      assertThat(whole.raw().headers().firstValue("ETag")).as(stale).contains(etag);
    }
  }

  /** {@code Range: bytes=65536-} of the target image under {@code If-Range}. */
  Answer resume(String token, String ifRange) {
    return DeviceClient.send(
        HttpRequest.newBuilder(url("/device/v1/artifacts/" + TARGET))
            .header("Authorization", "Bearer " + token)
            .header("Range", "bytes=65536-")
            .header("If-Range", ifRange)
            .build());
  }

  @Test
  void importTakesCsvAndRefusesAnyBadRowStoringNothing() {
    String good = unique("dapi-csv-");
    String other = unique("dapi-csv-");
    Answer bad =
        client.post(
            "/mgmt/v1/devices/import",
            adminToken(),
            "text/csv",
            "id,hardwareModel,region,version,tags\n"
                + good
                + ",th-100,eu-west,7.1.0,channel=stable\n"
                + other
                + ",th-100,eu-west,seven,\n");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.body().findValuesAsText("path")).containsExactly("line 3: version");
    Answer first = checkIn(good, "x".repeat(43), OLD);
    assertThat(first.status()).isEqualTo(401);

    Answer ok =
        client.post(
            "/mgmt/v1/devices/import",
            adminToken(),
            "text/csv",
            "id,hardwareModel,region,version,tags\n"
                + good
                + ",th-100,eu-west,7.1.0,channel=stable\n");
    assertThat(ok.status()).isEqualTo(200);
    assertThat(ok.body().get("created").asInt()).isEqualTo(1);
    String token = ok.body().at("/tokens/0/token").asText();
    assertThat(checkIn(good, token, OLD).status()).isEqualTo(200);
  }
}
