package dev.rollout.agent;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rollout.definitions.release.ManifestSigner;
import dev.rollout.definitions.release.SignedManifest;
import dev.rollout.definitions.release.TrustedKey;
import dev.rollout.definitions.release.TrustedKeys;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The agent against the fake device API over real HTTP, on real slot files. */
class AgentIT {

  private static final KeyPair KEY = Releases.newKey();
  private static final TrustedKeys TRUSTED = Releases.trusting(KEY);
  private static final byte[] OLD = Releases.image("2.3.0");
  private static final byte[] NEW = Releases.image("2.4.0");
  private static final String DELTA = Releases.deltaPath("2.4.0", "2.3.0");

  @TempDir Path dir;
  private FakeDeviceApi api;
  private TestDevice device;

  @BeforeEach
  void start() throws Exception {
    api = new FakeDeviceApi();
    api.artifact(Releases.artifactPath("2.3.0"), OLD);
    api.artifact(Releases.artifactPath("2.4.0"), NEW);
    device = new TestDevice(api, dir, "dev-1", "2.3.0", TRUSTED);
  }

  @AfterEach
  void stop() {
    api.close();
  }

  private ObjectNode update() {
    return Releases.offer("UPDATE", Releases.sign(KEY, "2.4.0", NEW, "2.3.0"));
  }

  private void offer(JsonNode offer) {
    api.answer(device.id, offer.toString());
    device.checkInAndRun();
  }

  private JsonNode last() {
    List<JsonNode> events = api.events(device.id);
    return events.get(events.size() - 1);
  }

  private void assertNothingApplied() {
    assertThat(device.running()).isEqualTo("2.3.0");
    assertThat(device.slots.inactive()).isEmpty();
  }

  @Test
  void updatesIntoTheInactiveSlotAndReportsEveryStep() {
    offer(update());

    assertThat(api.eventTypes(device.id))
        .containsExactly(
            "DOWNLOAD_STARTED", "DOWNLOAD_FINISHED", "VERIFIED", "INSTALLED", "REBOOTED", "HEALTH");
    List<JsonNode> events = api.events(device.id);
    assertThat(events.get(0).get("delta").asBoolean()).isFalse();
    assertThat(events.get(1).get("durationMs").asLong()).isEqualTo(30_000);
    assertThat(events.get(3).get("durationMs").asLong()).isEqualTo(20_000);
    assertThat(events.get(4).get("version").asText()).isEqualTo("2.4.0");
    assertThat(events.get(5).get("healthy").asBoolean()).isTrue();
    assertThat(device.running()).isEqualTo("2.4.0");
    assertThat(device.slots.inactive()).map(slot -> slot.version().toString()).hasValue("2.3.0");
    assertThat(device.agent.lastErrorCode()).isEmpty();
  }

  @Test
  void checkInReportsTheDeviceStateInDeviceLocalTime() {
    device.platform.zone = java.time.ZoneId.of("Europe/Paris");
    device.checkInAndRun();

    JsonNode checkIn = api.checkIns.get(0);
    assertThat(checkIn.get("version").asText()).isEqualTo("2.3.0");
    assertThat(checkIn.get("hardwareModel").asText()).isEqualTo("th-100");
    assertThat(checkIn.get("localTime").asText()).isEqualTo("2026-11-28T13:00+01:00");
    assertThat(checkIn.get("network").get("metered").asBoolean()).isFalse();
  }

  @Test
  void tamperedArtifactIsRefusedAsHashMismatchAndNothingApplied() {
    byte[] tampered = NEW.clone();
    tampered[100] ^= 1;
    api.artifact(Releases.artifactPath("2.4.0"), tampered);

    offer(update());

    assertThat(api.eventTypes(device.id))
        .containsExactly("DOWNLOAD_STARTED", "DOWNLOAD_FINISHED", "FAILED");
    assertThat(last().get("errorCode").asText()).isEqualTo("HASH_MISMATCH");
    assertNothingApplied();
  }

  @Test
  void tamperedManifestIsRefusedBeforeDownloading() {
    ObjectNode offer = update();
    ((ObjectNode) offer.get("manifest").get("manifest")).put("sha256", "0".repeat(64));

    offer(offer);

    assertThat(api.eventTypes(device.id)).containsExactly("FAILED");
    assertThat(last().get("errorCode").asText()).isEqualTo("SIGNATURE_INVALID");
    assertThat(api.artifactRequests).hasValue(0);
    assertNothingApplied();
  }

  @Test
  void releaseSignedByAnUntrustedKeyIsRefusedAsUnknownKey() {
    offer(Releases.offer("UPDATE", Releases.sign(Releases.newKey(), "2.4.0", NEW)));

    assertThat(last().get("errorCode").asText()).isEqualTo("UNKNOWN_KEY");
    assertThat(api.artifactRequests).hasValue(0);
    assertNothingApplied();
  }

  @Test
  void unsignedReleaseIsRefused() {
    ObjectNode offer = update();
    ((ObjectNode) offer.get("manifest")).remove(List.of("keyId", "signature"));

    offer(offer);

    assertThat(last().get("errorCode").asText()).isEqualTo("UNSIGNED");
    assertNothingApplied();
  }

  @Test
  void keyOfAnotherProductLineIsRefused() throws Exception {
    KeyPair doorbell = Releases.newKey();
    device =
        new TestDevice(
            api,
            dir.resolve("other"),
            "dev-2",
            "2.3.0",
            TrustedKeys.of(
                TrustedKey.of(Releases.PRODUCT, KEY.getPublic()),
                TrustedKey.of("doorbell", doorbell.getPublic())));

    offer(Releases.offer("UPDATE", Releases.sign(doorbell, "2.4.0", NEW)));

    assertThat(last().get("errorCode").asText()).isEqualTo("WRONG_PRODUCT_KEY");
    assertNothingApplied();
  }

  @Test
  void releaseForOtherHardwareIsRefused() {
    SignedManifest signed =
        ManifestSigner.of(KEY).sign(Releases.manifest("2.4.0", List.of("th-300"), NEW));

    offer(Releases.offer("UPDATE", signed));

    assertThat(last().get("errorCode").asText()).isEqualTo("INCOMPATIBLE_HARDWARE");
    assertNothingApplied();
  }

  @Test
  void acceptsReleasesOfBothKeysDuringARotation() throws Exception {
    KeyPair next = Releases.newKey();
    device =
        new TestDevice(
            api,
            dir.resolve("rotating"),
            "dev-3",
            "2.3.0",
            TrustedKeys.of(
                TrustedKey.of(Releases.PRODUCT, KEY.getPublic()),
                TrustedKey.of(Releases.PRODUCT, next.getPublic())));
    byte[] newest = Releases.image("2.5.0");
    api.artifact(Releases.artifactPath("2.5.0"), newest);

    offer(Releases.offer("UPDATE", Releases.sign(KEY, "2.4.0", NEW)));
    offer(Releases.offer("UPDATE", Releases.sign(next, "2.5.0", newest)));

    assertThat(device.running()).isEqualTo("2.5.0");
    assertThat(api.eventTypes(device.id)).doesNotContain("FAILED");
    assertThat(api.eventTypes(device.id)).filteredOn("HEALTH"::equals).hasSize(2);
  }

  @Test
  void appliesADeltaFromTheRunningVersionWithoutDownloadingTheImage() throws Exception {
    byte[] delta = Releases.delta(OLD, NEW);
    api.artifact(Releases.deltaPath("2.4.0", "2.3.0"), delta);

    offer(Releases.withDelta(update(), "2.3.0", delta));

    assertThat(api.events(device.id).get(0).get("delta").asBoolean()).isTrue();
    assertThat(api.eventTypes(device.id)).containsOnlyOnce("DOWNLOAD_STARTED").endsWith("HEALTH");
    assertThat(api.artifactRequests).hasValue(1);
    assertThat(delta.length).isLessThan(NEW.length / 4);
    assertThat(device.running()).isEqualTo("2.4.0");
  }

  @Test
  void corruptDeltaFallsBackToTheFullImage() throws Exception {
    byte[] delta = Releases.delta(OLD, NEW);
    for (int i = 40; i < delta.length; i += 7) {
      delta[i] ^= 0x5a;
    }
    api.artifact(Releases.deltaPath("2.4.0", "2.3.0"), delta);

    offer(Releases.withDelta(update(), "2.3.0", delta));

    List<JsonNode> events = api.events(device.id);
    assertThat(events.get(0).get("delta").asBoolean()).isTrue();
    assertThat(events.get(1).get("type").asText()).isEqualTo("DOWNLOAD_STARTED");
    assertThat(events.get(1).get("delta").asBoolean()).isFalse();
    assertThat(api.eventTypes(device.id)).doesNotContain("FAILED").endsWith("HEALTH");
    assertThat(api.artifactPaths).containsExactly(DELTA, Releases.artifactPath("2.4.0"));
    assertThat(device.agent.lastErrorCode()).hasValue("DELTA_FAILED");
    assertThat(device.running()).isEqualTo("2.4.0");
  }

  @Test
  void aDeltaAnswered503IsRetriedNotReplacedByTheImage() throws Exception {
    byte[] delta = servedDelta();
    api.failNextDownload(DELTA, 503);

    offer(Releases.withDelta(update(), "2.3.0", delta));

    assertInstalledThroughTheDeltaAlone();
  }

  @Test
  void aDeltaCutMidwayResumesWithARangeRequest() throws Exception {
    byte[] delta = servedDelta();
    api.cutNextDownload(DELTA, delta.length / 2);

    offer(Releases.withDelta(update(), "2.3.0", delta));

    assertThat(api.rangeHeaders).containsExactly("bytes=" + delta.length / 2 + "-");
    assertInstalledThroughTheDeltaAlone();
  }

  @Test
  void aDeltaThatIsGoneFallsBackToTheFullImage() throws Exception {
    api.failNextDownload(DELTA, 410);

    offer(Releases.withDelta(update(), "2.3.0", Releases.delta(OLD, NEW)));

    assertThat(api.artifactPaths).containsExactly(DELTA, Releases.artifactPath("2.4.0"));
    assertThat(api.eventTypes(device.id)).doesNotContain("FAILED").endsWith("HEALTH");
    assertThat(device.agent.lastErrorCode()).hasValue("DELTA_FAILED");
    assertThat(device.running()).isEqualTo("2.4.0");
  }

  private byte[] servedDelta() throws Exception {
    byte[] delta = Releases.delta(OLD, NEW);
    api.artifact(DELTA, delta);
    return delta;
  }

  /** Two requests for the delta (the retry), none for the image, no error left. */
  private void assertInstalledThroughTheDeltaAlone() {
    assertThat(api.artifactPaths).containsExactly(DELTA, DELTA);
    assertThat(api.eventTypes(device.id))
        .containsOnlyOnce("DOWNLOAD_STARTED")
        .doesNotContain("FAILED")
        .endsWith("HEALTH");
    assertThat(device.agent.lastErrorCode()).isEmpty();
    assertThat(device.running()).isEqualTo("2.4.0");
  }

  @Test
  void bootLoopFallsBackToThePreviousSlotAndReportsBootFailed() {
    device.platform.boots = false;

    offer(update());

    assertThat(api.eventTypes(device.id))
        .endsWith("INSTALLED", "FAILED")
        .doesNotContain("REBOOTED");
    assertThat(last().get("errorCode").asText()).isEqualTo("BOOT_FAILED");
    assertThat(last().get("detail").asText()).contains("fell back to 2.3.0");
    assertThat(device.running()).isEqualTo("2.3.0");
  }

  @Test
  void failedInstallIsReportedAndTheRunningSlotUntouched() {
    device.platform.installs = false;

    offer(update());

    assertThat(last().get("errorCode").asText()).isEqualTo("INSTALL_FAILED");
    assertThat(device.running()).isEqualTo("2.3.0");
  }

  @Test
  void unhealthyAfterTheUpdateIsReportedHonestly() {
    device.platform.healthy = false;

    offer(update());

    assertThat(last().get("type").asText()).isEqualTo("HEALTH");
    assertThat(last().get("healthy").asBoolean()).isFalse();
    assertThat(device.agent.lastErrorCode()).hasValue("HEALTH_CHECK_FAILED");
  }

  @Test
  void lowBatteryDefersWithoutDownloading() {
    device.platform.readings = new Readings(12, false, 1L << 30, "wifi", false, 0.9);
    ObjectNode offer = update();
    ((ObjectNode) offer.get("policy")).put("minBatteryPercent", 30);

    offer(offer);

    assertThat(api.eventTypes(device.id)).containsExactly("DEFERRED");
    assertThat(last().get("reason").asText()).isEqualTo("LOW_BATTERY");
    assertThat(api.artifactRequests).hasValue(0);
    assertNothingApplied();
  }

  @Test
  void meteredLinkNeedingApprovalDefersWhenTheUserDeclines() {
    device.platform.readings = new Readings(90, false, 1L << 30, "cellular", true, 0.9);
    ObjectNode offer = update();
    ((ObjectNode) offer.get("policy")).put("metered", "ask").put("requiresUserApproval", true);

    offer(offer);
    assertThat(last().get("reason").asText()).isEqualTo("METERED_NOT_APPROVED");

    device.platform.approves = true;
    offer(offer);
    assertThat(device.running()).isEqualTo("2.4.0");
  }

  @Test
  void waitsTheServersNextCheckInSecondsWhenThereIsNothingToDo() {
    api.answer(device.id, "{\"action\":\"NONE\",\"nextCheckInSeconds\":57}");

    assertThat(device.agent.step()).isEqualTo(java.time.Duration.ofSeconds(57));
    assertThat(api.checkInCount).hasValue(1);
  }

  @Test
  void aDeferralOfItsOwnWaitsTheServersNextCheckInSecondsBeforeAskingAgain() {
    device.platform.readings = new Readings(90, false, 1L << 30, "cellular", true, 0.9);
    ObjectNode offer = update();
    ((ObjectNode) offer.get("policy")).put("metered", "ask").put("requiresUserApproval", true);
    offer.put("nextCheckInSeconds", 61);
    api.answer(device.id, offer.toString());

    // the server would offer the same again: asking at once would loop until the user says yes
    assertThat(device.agent.step()).isEqualTo(java.time.Duration.ofSeconds(61));
    assertThat(api.checkInCount).hasValue(1);
    assertThat(last().get("reason").asText()).isEqualTo("METERED_NOT_APPROVED");
  }

  @Test
  void meteredLinkWaitsForTheDeviceLocalOffPeakWindow() {
    device.platform.readings = new Readings(90, false, 1L << 30, "cellular", true, 0.9);
    ObjectNode offer = update();
    ((ObjectNode) offer.get("policy"))
        .put("metered", "offPeak")
        .put("offPeakWindow", "01:00-05:00");

    offer(offer); // 12:00 UTC
    assertThat(last().get("reason").asText()).isEqualTo("METERED_OUTSIDE_OFF_PEAK");

    device.platform.zone = java.time.ZoneId.of("Asia/Tokyo"); // 21:00 local
    offer(offer);
    assertThat(last().get("reason").asText()).isEqualTo("METERED_OUTSIDE_OFF_PEAK");

    device.platform.zone = java.time.ZoneId.of("Pacific/Kiritimati"); // 02:00 local (UTC+14)
    offer(offer);
    assertThat(device.running()).isEqualTo("2.4.0");
  }

  @Test
  void interruptedDownloadResumesWithARangeRequest() {
    api.cutNextDownload(Releases.artifactPath("2.4.0"), 20_000);

    offer(update());

    assertThat(api.rangeHeaders).hasSize(1);
    assertThat(api.rangeHeaders.get(0)).matches("bytes=[1-9][0-9]*-");
    assertThat(api.eventTypes(device.id)).doesNotContain("FAILED").endsWith("HEALTH");
    assertThat(device.running()).isEqualTo("2.4.0");
  }

  @Test
  void rollbackSwitchesToThePreviousSlotWithoutDownloading() {
    offer(update());
    int downloads = api.artifactRequests.get();

    offer(Releases.offer("ROLLBACK", Releases.sign(KEY, "2.3.0", OLD)));

    assertThat(device.running()).isEqualTo("2.3.0");
    assertThat(last().get("type").asText()).isEqualTo("ROLLED_BACK");
    assertThat(last().get("version").asText()).isEqualTo("2.3.0");
    assertThat(api.artifactRequests).hasValue(downloads);
    assertThat(device.slots.inactive()).map(slot -> slot.version().toString()).hasValue("2.4.0");
  }

  @Test
  void eventsAreRetriedAfterA503AndStoredOnce() {
    api.unavailableEventPosts.set(2);

    offer(update());

    assertThat(api.eventPosts.get()).isGreaterThan(2);
    assertThat(api.eventTypes(device.id))
        .containsExactly(
            "DOWNLOAD_STARTED", "DOWNLOAD_FINISHED", "VERIFIED", "INSTALLED", "REBOOTED", "HEALTH");
    assertThat(api.duplicates).hasValue(0);
  }

  @Test
  void batchRefusedWithA4xxIsDroppedNotRetried() {
    api.rejectedEventPosts.set(1);

    offer(update());

    assertThat(device.agent.eventsDelivered()).isTrue();
    assertThat(api.eventTypes(device.id)).doesNotContain("DOWNLOAD_STARTED").endsWith("HEALTH");
  }
}
