package dev.rollout.activities.device;

import static dev.rollout.activities.device.DeviceFixtures.assign;
import static dev.rollout.activities.device.DeviceFixtures.assignment;
import static dev.rollout.activities.device.DeviceFixtures.device;
import static dev.rollout.activities.device.DeviceFixtures.policy;
import static dev.rollout.activities.device.DeviceFixtures.rollout;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rollout.activities.store.Jdbc;
import dev.rollout.activities.testing.Releases;
import dev.rollout.activities.testing.TestDatabase;
import dev.rollout.definitions.device.CheckInReport;
import dev.rollout.definitions.device.CheckInReport.NetworkReport;
import dev.rollout.definitions.device.Decision;
import dev.rollout.definitions.device.DeferReason;
import dev.rollout.definitions.device.DeviceEvent;
import dev.rollout.definitions.device.DeviceEvent.Header;
import dev.rollout.definitions.plan.NetworkPolicy.Metered;
import dev.rollout.definitions.release.Keys;
import dev.rollout.definitions.version.SemVer;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckInIT {

  static final String ROLLOUT = "rollout-thermostat-2-4-0";
  static final KeyPair KEY = Keys.generate();

  final DataSource db = TestDatabase.dataSource();
  final CheckIns checkIns = new CheckIns(db, new ReleaseSnapshots(db));
  final EventRecorder events = new EventRecorder(db);
  @TempDir Path artifacts;

  @BeforeEach
  void freshStore() {
    TestDatabase.reset();
    Releases.registerSigned(db, artifacts, KEY, "2.3.0", new byte[] {1, 2, 3}, false, "th-100");
    Releases.registerSigned(db, artifacts, KEY, "2.3.5", new byte[] {4, 5}, true, "th-100");
    Releases.registerSigned(db, artifacts, KEY, "2.4.0", new byte[] {6, 7, 8, 9}, false, "th-100");
  }

  static CheckInReport report(String version, int battery, boolean metered, String localTime) {
    return new CheckInReport(
        SemVer.parse(version),
        "th-100",
        battery,
        false,
        1_000_000L,
        new NetworkReport("cellular", metered, 0.9),
        OffsetDateTime.parse(localTime));
  }

  static CheckInReport report(String version) {
    return report(version, 90, false, "2026-11-28T12:00:00+01:00");
  }

  CheckInResult checkIn(String token, String deviceId, CheckInReport report) {
    return checkIns.checkIn(DeviceTokens.hash(token), deviceId, report);
  }

  Decision decision(String token, String deviceId, CheckInReport report) {
    CheckInResult result = checkIn(token, deviceId, report);
    assertThat(result).isInstanceOf(CheckInResult.Answer.class);
    return ((CheckInResult.Answer) result).decision();
  }

  @Test
  void unknownTokenAndAnotherDevicesTokenRecordNothing() {
    String tokenA = device(db, "a-1", "2.3.0");
    device(db, "b-1", "2.3.0");
    assertThat(checkIn("no-such-token", "a-1", report("2.3.5")))
        .isInstanceOf(CheckInResult.Unauthenticated.class);
    assertThat(checkIn(tokenA, "b-1", report("2.3.5")))
        .isInstanceOf(CheckInResult.NotThisDevice.class);
    assertThat(column("b-1", "reported_version")).isEqualTo("2.3.0");
    assertThat(column("b-1", "last_seen_at")).isNull();
  }

  @Test
  void recordsTheReportedState() {
    String token = device(db, "a-2", "2.3.0");
    assertThat(decision(token, "a-2", report("2.3.5", 42, true, "2026-11-28T03:00:00+05:30")))
        .isEqualTo(new Decision.None());
    assertThat(column("a-2", "reported_version")).isEqualTo("2.3.5");
    assertThat(column("a-2", "battery_percent")).isEqualTo(42);
    assertThat(column("a-2", "network_metered")).isEqualTo(true);
    assertThat(column("a-2", "utc_offset_minutes")).isEqualTo(330);
    assertThat(column("a-2", "last_seen_at")).isNotNull();
  }

  @Test
  void steppingStoneThenTarget() {
    String token = device(db, "s-1", "2.3.0");
    rollout(db, ROLLOUT, "2.4.0", policy(0, Metered.ALLOW), "RUNNING");
    assign(db, ROLLOUT, "s-1", "2.4.0", "2.3.0");
    CheckInResult.Answer first = (CheckInResult.Answer) checkIn(token, "s-1", report("2.3.0"));
    assertThat(first.decision())
        .isEqualTo(new Decision.Update(SemVer.parse("2.3.5"), true, false, 4));
    assertThat(first.release().manifest()).contains("\"version\" : \"2.3.5\"");
    install("s-1", "2.3.5");
    assertThat(assignment(db, ROLLOUT, "s-1")).containsEntry("outcome", "PENDING");
    assertThat(decision(token, "s-1", report("2.3.5")))
        .isEqualTo(new Decision.Update(SemVer.parse("2.4.0"), false, false, 8));
    install("s-1", "2.4.0");
    assertThat(assignment(db, ROLLOUT, "s-1"))
        .containsEntry("outcome", "SUCCEEDED")
        .containsEntry("attempts", 2);
    assertThat(decision(token, "s-1", report("2.4.0"))).isEqualTo(new Decision.None());
  }

  @Test
  void lowBatteryIsDeferredWithTheReason() {
    String token = device(db, "l-1", "2.3.5");
    rollout(db, ROLLOUT, "2.4.0", policy(30, Metered.ALLOW), "RUNNING");
    assign(db, ROLLOUT, "l-1", "2.4.0", "2.3.5");
    assertThat(decision(token, "l-1", report("2.3.5", 10, false, "2026-11-28T12:00:00Z")))
        .isEqualTo(new Decision.Defer(DeferReason.LOW_BATTERY, true));
    assertThat(assignment(db, ROLLOUT, "l-1"))
        .containsEntry("outcome", "DEFERRED")
        .containsEntry("deferred_reason", "LOW_BATTERY");
  }

  @Test
  void meteredDeviceIsOfferedOnlyInsideItsLocalOffPeakWindow() {
    String token = device(db, "m-1", "2.3.5");
    rollout(db, ROLLOUT, "2.4.0", policy(0, Metered.OFF_PEAK), "RUNNING");
    assign(db, ROLLOUT, "m-1", "2.4.0", "2.3.5");
    // 03:30 UTC, but 12:30 on the device (+09:00): outside 01:00-05:00
    assertThat(decision(token, "m-1", report("2.3.5", 90, true, "2026-11-28T12:30:00+09:00")))
        .isEqualTo(new Decision.Defer(DeferReason.METERED_OUTSIDE_OFF_PEAK, true));
    assertThat(decision(token, "m-1", report("2.3.5", 90, true, "2026-11-28T02:30:00+09:00")))
        .isInstanceOf(Decision.Update.class);
  }

  @Test
  void pausedRolloutOffersNothing() {
    String token = device(db, "p-1", "2.3.5");
    rollout(db, ROLLOUT, "2.4.0", policy(0, Metered.ALLOW), "PAUSED");
    assign(db, ROLLOUT, "p-1", "2.4.0", "2.3.5");
    assertThat(decision(token, "p-1", report("2.3.5"))).isEqualTo(new Decision.None());
  }

  @Test
  void offeredRollbackInstallsThePreviousVersion() {
    String token = device(db, "r-1", "2.4.0");
    rollout(db, ROLLOUT, "2.4.0", policy(0, Metered.ALLOW), "ROLLING_BACK");
    assign(db, ROLLOUT, "r-1", "2.4.0", "2.3.5");
    DeviceFixtures.setAssignment(
        db, ROLLOUT, "r-1", "outcome = 'SUCCEEDED', rollback_state = 'OFFERED'");
    CheckInResult.Answer answer = (CheckInResult.Answer) checkIn(token, "r-1", report("2.4.0"));
    assertThat(answer.decision()).isEqualTo(new Decision.Rollback(SemVer.parse("2.3.5")));
    assertThat(answer.release().version()).isEqualTo(SemVer.parse("2.3.5"));
  }

  @Test
  void deltaIsOfferedWhenTheDevicesVersionIsItsBase() {
    Releases.registerDelta(db, artifacts, "2.4.0", "2.3.5", new byte[] {42});
    checkIns.refreshReleases();
    String token = device(db, "d-1", "2.3.5");
    rollout(db, ROLLOUT, "2.4.0", policy(0, Metered.ALLOW), "RUNNING");
    assign(db, ROLLOUT, "d-1", "2.4.0", "2.3.5");
    CheckInResult.Answer answer = (CheckInResult.Answer) checkIn(token, "d-1", report("2.3.5"));
    assertThat(answer.delta()).isNotNull();
    assertThat(answer.delta().from()).isEqualTo(SemVer.parse("2.3.5"));
    assertThat(answer.delta().size()).isEqualTo(1);
  }

  private void install(String deviceId, String version) {
    SemVer v = SemVer.parse(version);
    List<DeviceEvent> batch =
        List.of(
            new DeviceEvent.DownloadStarted(header(), v, false),
            new DeviceEvent.DownloadFinished(header(), 100),
            new DeviceEvent.Verified(header()),
            new DeviceEvent.Installed(header(), 50),
            new DeviceEvent.Rebooted(header(), v),
            new DeviceEvent.Health(header(), true, v));
    assertThat(events.record(deviceId, batch)).isEqualTo(new EventsResult.Recorded(6, 0));
  }

  static Header header() {
    return new Header(UUID.randomUUID().toString(), ROLLOUT, Instant.now());
  }

  private Object column(String deviceId, String column) {
    return Jdbc.inTransaction(
            db,
            connection ->
                Jdbc.query(
                    connection,
                    "SELECT " + column + " FROM devices WHERE id = ?",
                    row -> row.getObject(1),
                    deviceId))
        .get(0);
  }
}
