package dev.rollout.activities.device;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rollout.activities.store.Jdbc;
import dev.rollout.activities.testing.Fleet;
import dev.rollout.activities.testing.FleetSpec;
import dev.rollout.activities.testing.Releases;
import dev.rollout.activities.testing.TestDatabase;
import dev.rollout.definitions.device.CheckInReport;
import dev.rollout.definitions.plan.NetworkPolicy.Metered;
import dev.rollout.definitions.release.Keys;
import dev.rollout.definitions.version.SemVer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The check-in's store side alone (no HTTP): one thread calling {@link CheckIns#checkIn} for random
 * devices of a large fleet, and the plan of the statement. Not part of the suite; run it with
 * {@code -Dtest=CheckInStoreBench -Dbench.devices=1000000}.
 */
class CheckInStoreBench {

  static final int DEVICES = Integer.getInteger("bench.devices", 1_000_000);

  @Test
  void checkInStatementCost() throws Exception {
    DataSource db = TestDatabase.dataSource();
    TestDatabase.reset();
    Fleet.seed(
        db,
        FleetSpec.of(DEVICES)
            .withIdPrefix("bench-")
            .withHardwareModels("th-100")
            .withVersion("8.0.0"));
    Jdbc.inTransaction(
        db,
        c ->
            Jdbc.update(
                c,
                "UPDATE devices SET token_hash ="
                    + " encode(sha256(convert_to('bench-token-' || id, 'UTF8')), 'hex')"));
    Path root = Files.createTempDirectory("bench-artifacts");
    var key = Keys.generate();
    Releases.registerSigned(db, root, key, "8.0.0", new byte[4096], false, "th-100");
    Releases.registerSigned(db, root, key, "8.1.0", new byte[8192], false, "th-100");
    DeviceFixtures.rollout(
        db, "rollout-bench", "8.1.0", DeviceFixtures.policy(20, Metered.ALLOW), "RUNNING");
    Jdbc.inTransaction(
        db,
        c ->
            Jdbc.update(
                c,
                "INSERT INTO assignments (rollout_id, device_id,"
                    + " phase, target_version, previous_version, outcome, attempts, assigned_at, updated_at)"
                    + " SELECT 'rollout-bench', id, 0, '8.1.0', '8.0.0', 'PENDING', 0, now(), now()"
                    + " FROM devices WHERE right(id, 1) = '0'"));
    Jdbc.inTransaction(db, c -> Jdbc.update(c, "ANALYZE"));
    CheckIns checkIns = new CheckIns(db);
    for (String plan :
        Jdbc.inTransaction(
            db,
            c ->
                Jdbc.query(
                    c,
                    "EXPLAIN (ANALYZE, BUFFERS) " + GroupCheckIn.CHECK_IN,
                    r -> r.getString(1),
                    c.createArrayOf("text", new Object[] {"bench-0000010", "bench-0000021"}),
                    c.createArrayOf(
                        "text",
                        new Object[] {
                          DeviceTokens.hash("bench-token-bench-0000010"),
                          DeviceTokens.hash("bench-token-bench-0000021")
                        }),
                    c.createArrayOf("text", new Object[] {"8.0.0", "8.0.0"}),
                    c.createArrayOf("int4", new Object[] {80, 70}),
                    c.createArrayOf("int8", new Object[] {1L, 2L}),
                    c.createArrayOf("text", new Object[] {"wifi", null}),
                    c.createArrayOf("bool", new Object[] {false, null}),
                    c.createArrayOf("float8", new Object[] {0.9, null}),
                    c.createArrayOf("int4", new Object[] {60, 60})))) {
      System.out.println("PLAN " + plan);
    }
    int n = 20_000;
    long[] took = new long[n];
    long start = System.nanoTime();
    for (int i = 0; i < n; i++) {
      String id = "bench-" + String.format("%07d", ThreadLocalRandom.current().nextInt(DEVICES));
      long t = System.nanoTime();
      CheckInResult result =
          checkIns.checkIn(
              DeviceTokens.hash("bench-token-" + id),
              id,
              new CheckInReport(
                  SemVer.parse("8.0.0"),
                  "th-100",
                  80,
                  false,
                  900_000_000L,
                  new CheckInReport.NetworkReport("wifi", false, 0.9),
                  OffsetDateTime.parse("2026-11-28T03:12:00+01:00")));
      took[i] = System.nanoTime() - t;
      assertThat(result).isInstanceOf(CheckInResult.Answer.class);
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    Arrays.sort(took);
    System.out.printf(
        "BENCH store check-ins=%d one thread rate=%.0f/s p50=%.2fms p99=%.2fms%n",
        n, n / seconds, took[n / 2] / 1e6, took[n * 99 / 100] / 1e6);
  }
}
