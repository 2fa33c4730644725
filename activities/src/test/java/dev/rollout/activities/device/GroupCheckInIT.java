package dev.rollout.activities.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rollout.activities.store.Jdbc;
import dev.rollout.activities.store.StoreException;
import dev.rollout.activities.testing.Fleet;
import dev.rollout.activities.testing.FleetSpec;
import dev.rollout.activities.testing.TestDatabase;
import dev.rollout.definitions.device.CheckInReport;
import dev.rollout.definitions.device.CheckInReport.NetworkReport;
import dev.rollout.definitions.device.Outcome;
import dev.rollout.definitions.plan.NetworkPolicy.Metered;
import dev.rollout.definitions.version.SemVer;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GroupCheckInIT {

  final DataSource db = TestDatabase.dataSource();
  final GroupCheckIn group = new GroupCheckIn(db);

  @BeforeEach
  void fleet() {
    TestDatabase.reset();
    Fleet.seed(
        db,
        FleetSpec.of(400).withIdPrefix("rs-").withHardwareModels("th-100").withVersion("1.0.0"));
    Jdbc.inTransaction(
        db,
        c ->
            Jdbc.update(
                c,
                "UPDATE devices SET token_hash ="
                    + " encode(sha256(convert_to('token-' || id, 'UTF8')), 'hex')"
                    + " WHERE id LIKE 'rs-%'"));
  }

  static String token(String device) {
    return DeviceTokens.hash("token-" + device);
  }

  Optional<CheckInRow> checkIn(String device, CheckInReport report) {
    return group.checkIn(token(device), device, report);
  }

  static CheckInReport report(int battery, String offset) {
    return new CheckInReport(
        SemVer.parse("1.0." + battery),
        "th-100",
        battery,
        false,
        1_000L * battery,
        new NetworkReport(battery % 2 == 0 ? "wifi" : null, battery % 3 == 0, null),
        OffsetDateTime.parse("2026-11-28T12:00:00" + offset));
  }

  @Test
  void everyReportOfConcurrentCheckInsIsStoredBeforeItsCheckInReturns() throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(16);
    List<Future<?>> done = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      String device = String.format("rs-%07d", i);
      int battery = i % 101;
      done.add(
          threads.submit(
              () -> {
                assertThat(checkIn(device, report(battery, "+02:00")))
                    .map(CheckInRow::deviceId)
                    .contains(device);
                // stored once record returns: read it back on another connection at once
                assertThat(battery(device)).isEqualTo((long) battery);
              }));
    }
    for (Future<?> future : done) {
      future.get();
    }
    threads.shutdown();
    List<String> rows =
        Jdbc.inTransaction(
            db,
            c ->
                Jdbc.query(
                    c,
                    "SELECT id, reported_version, battery_percent, free_storage_bytes,"
                        + " network_type, network_metered, network_quality, utc_offset_minutes,"
                        + " last_seen_at IS NOT NULL FROM devices WHERE id = 'rs-0000123'",
                    r ->
                        String.join(
                            "|",
                            r.getString(1),
                            r.getString(2),
                            r.getString(3),
                            r.getString(4),
                            r.getString(5),
                            r.getString(6),
                            r.getString(7),
                            r.getString(8),
                            r.getString(9))));
    assertThat(rows).containsExactly("rs-0000123|1.0.22|22|22000|wifi|f|null|120|t");
  }

  @Test
  void theLatestReportOfADeviceQueuedTwiceWins() {
    checkIn("rs-0000001", report(10, "Z"));
    checkIn("rs-0000001", report(20, "Z"));
    assertThat(battery("rs-0000001")).isEqualTo(20L);
  }

  @Test
  void aWrongTokenOrAnotherDevicesTokenStoresNothing() {
    long before = battery("rs-0000002");
    assertThat(group.checkIn(DeviceTokens.hash("token-nobody"), "rs-0000002", report(7, "Z")))
        .isEmpty();
    assertThat(group.checkIn(token("rs-0000003"), "rs-0000002", report(7, "Z"))).isEmpty();
    assertThat(battery("rs-0000002")).isEqualTo(before);
    assertThat(lastSeen("rs-0000002")).isFalse();
  }

  @Test
  void concurrentCheckInsWithTheRightAndAWrongTokenOfOneDeviceAreTold() throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(8);
    List<Future<Optional<CheckInRow>>> right = new ArrayList<>();
    List<Future<Optional<CheckInRow>>> wrong = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      right.add(threads.submit(() -> checkIn("rs-0000004", report(44, "Z"))));
      wrong.add(
          threads.submit(() -> group.checkIn(token("rs-0000005"), "rs-0000004", report(9, "Z"))));
    }
    for (int i = 0; i < 40; i++) {
      assertThat(right.get(i).get()).map(CheckInRow::hardwareModel).contains("th-100");
      assertThat(wrong.get(i).get()).isEmpty();
    }
    threads.shutdown();
    assertThat(battery("rs-0000004")).isEqualTo(44L);
  }

  @Test
  void readsTheActiveAssignmentWithItsRolloutsState() {
    DeviceFixtures.rollout(
        db, "rollout-gc", "1.1.0", DeviceFixtures.policy(20, Metered.ALLOW), "PAUSED");
    Jdbc.inTransaction(
        db,
        c ->
            Jdbc.update(
                c,
                "INSERT INTO assignments (rollout_id, device_id, phase, target_version,"
                    + " previous_version, outcome, attempts, assigned_at, updated_at)"
                    + " VALUES ('rollout-gc', 'rs-0000006', 0, '1.1.0', '1.0.0', 'PENDING', 0,"
                    + " now(), now())"));
    CheckInRow row = checkIn("rs-0000006", report(50, "Z")).orElseThrow();
    assertThat(row.rolloutId()).isEqualTo("rollout-gc");
    assertThat(row.rolloutState()).isEqualTo("PAUSED");
    assertThat(row.state().outcome()).isEqualTo(Outcome.PENDING);
    assertThat(checkIn("rs-0000007", report(50, "Z")).orElseThrow().rolloutId()).isNull();
  }

  @Test
  void aDatabaseFailureReachesTheCheckIn() {
    GroupCheckIn unreachable = new GroupCheckIn(new Unreachable());
    assertThatThrownBy(
            () -> unreachable.checkIn(token("rs-0000001"), "rs-0000001", report(10, "Z")))
        .isInstanceOf(StoreException.class)
        .hasRootCauseInstanceOf(SQLTransientConnectionException.class);
  }

  boolean lastSeen(String device) {
    return Jdbc.inTransaction(
            db,
            c ->
                Jdbc.queryLong(
                    c,
                    "SELECT count(*) FROM devices WHERE id = ? AND last_seen_at IS NOT NULL",
                    device))
        == 1;
  }

  long battery(String device) {
    return Jdbc.inTransaction(
        db, c -> Jdbc.queryLong(c, "SELECT battery_percent FROM devices WHERE id = ?", device));
  }

  /** A pool that cannot reach its database, as Hikari answers after its connection timeout. */
  static final class Unreachable implements DataSource {
    @Override
    public Connection getConnection() throws SQLException {
      throw new SQLTransientConnectionException("connection is not available", "08001");
    }

    @Override
    public Connection getConnection(String user, String password) throws SQLException {
      return getConnection();
    }

    @Override
    public PrintWriter getLogWriter() {
      return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {}

    @Override
    public void setLoginTimeout(int seconds) {}

    @Override
    public int getLoginTimeout() {
      return 0;
    }

    @Override
    public Logger getParentLogger() {
      return Logger.getGlobal();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
      throw new SQLException("not a wrapper");
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
      return false;
    }
  }
}
