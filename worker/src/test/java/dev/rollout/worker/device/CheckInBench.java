package dev.rollout.worker.device;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rollout.activities.device.CheckIns;
import dev.rollout.activities.device.DeviceFixtures;
import dev.rollout.activities.store.Jdbc;
import dev.rollout.activities.testing.Fleet;
import dev.rollout.activities.testing.FleetSpec;
import dev.rollout.activities.testing.Releases;
import dev.rollout.definitions.plan.NetworkPolicy.Metered;
import dev.rollout.definitions.release.Keys;
import dev.rollout.worker.EngineTest;
import dev.rollout.worker.config.RolloutProperties;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.KeyPair;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Check-in throughput and latency of one engine with a large fleet (issue 4's benchmark). Not part
 * of the suite (the name matches no include); run it on purpose:
 *
 * <pre>
 * ./mvnw -B -o verify -pl worker -am -Dtest=CheckInBench -Dsurefire.failIfNoSpecifiedTests=false \
 *   -Dbench.devices=1000000 -Dbench.seconds=30 -Dbench.concurrency=32
 * </pre>
 *
 * Every tenth device is assigned to a running rollout (so it gets a real UPDATE offer with the
 * signed manifest), the rest get NONE; each request picks a random device. The load generator is
 * wrk in its own process on the same machine ({@link Wrk}; {@code java.net.http} in this JVM when
 * wrk is missing). A warm-up ({@code -Dbench.warmup}, 30 s) comes first: after only 10 s the JIT
 * was still compiling the path and took a third of the rate. Last, the HTTP layer's own ceiling is
 * measured ({@link Wrk#floor}).
 */
class CheckInBench extends EngineTest {

  static final int DEVICES = Integer.getInteger("bench.devices", 1_000_000);
  static final int SECONDS = Integer.getInteger("bench.seconds", 30);
  static final int CONCURRENCY = Integer.getInteger("bench.concurrency", 32);
  static final String ROLLOUT = "rollout-bench";

  @Autowired RolloutProperties properties;
  @Autowired CheckIns checkIns;

  @Test
  void checkInsPerSecondWithAMillionDevices() throws Exception {
    seed();
    if (Wrk.available()) {
      Wrk.checkIns(port, DEVICES, CONCURRENCY, Integer.getInteger("bench.warmup", 30));
      CpuMeter cpu = CpuMeter.start(dataSource);
      Wrk.Result result = Wrk.checkIns(port, DEVICES, CONCURRENCY, SECONDS);
      System.out.printf(
          "BENCH generator=wrk devices=%d concurrency=%d seconds=%d %s %s check-ins-per-statement=%.1f%n",
          DEVICES,
          CONCURRENCY,
          SECONDS,
          result,
          cpu.stop().perRequest(result.requests()),
          checkIns.checkInsPerStatement());
      assertThat(result.errors()).isZero();
      assertThat(result.requests()).isPositive();
      CpuMeter floorCpu = CpuMeter.start(dataSource);
      Wrk.Result floor = Wrk.floor(port, CONCURRENCY, 10);
      System.out.printf(
          "BENCH floor (HTTP only: 405 without a body or the database) concurrency=%d %s %s%n",
          CONCURRENCY, floor, floorCpu.stop().perRequest(floor.requests()));
      return;
    }
    System.out.println("BENCH wrk not found: the load generator runs in this JVM");
    // HTTP/1.1 with keep-alive, as devices talk; the client's default (an h2c upgrade attempt on
    // every new connection) measures the client, not the server
    HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    run(http, Integer.getInteger("bench.warmup", 30), null);
    long[] latencies = new long[5_000_000];
    Result result = run(http, SECONDS, latencies);
    long[] sorted = Arrays.copyOf(latencies, Math.min(result.count, latencies.length));
    Arrays.sort(sorted);
    System.out.printf(
        "BENCH devices=%d concurrency=%d seconds=%d check-ins=%d errors=%d rate=%.0f/s"
            + " p50=%.2fms p90=%.2fms p99=%.2fms max=%.2fms%n",
        DEVICES,
        CONCURRENCY,
        SECONDS,
        result.count,
        result.errors,
        result.count / (double) SECONDS,
        ms(sorted, 0.50),
        ms(sorted, 0.90),
        ms(sorted, 0.99),
        sorted[sorted.length - 1] / 1e6);
    assertThat(result.errors).isZero();
    assertThat(result.count).isPositive();
  }

  private void seed() throws SQLException {
    long start = System.nanoTime();
    Fleet.seed(
        dataSource,
        FleetSpec.of(DEVICES)
            .withIdPrefix("bench-")
            .withHardwareModels("th-100")
            .withVersion("8.0.0"));
    Jdbc.inTransaction(
        dataSource,
        connection ->
            Jdbc.update(
                connection,
                "UPDATE devices SET token_hash ="
                    + " encode(sha256(convert_to('bench-token-' || id, 'UTF8')), 'hex')"
                    + " WHERE id LIKE 'bench-%'"));
    KeyPair key = Keys.generate();
    Path root = properties.dataDir().resolve("artifacts");
    Releases.registerSigned(dataSource, root, key, "8.0.0", new byte[4096], false, "th-100");
    Releases.registerSigned(dataSource, root, key, "8.1.0", new byte[8192], false, "th-100");
    DeviceFixtures.rollout(
        dataSource, ROLLOUT, "8.1.0", DeviceFixtures.policy(20, Metered.OFF_PEAK), "RUNNING");
    Jdbc.inTransaction(
        dataSource,
        connection -> {
          Jdbc.update(
              connection,
              "INSERT INTO assignments (rollout_id, device_id, phase, target_version,"
                  + " previous_version, outcome, attempts, assigned_at, updated_at)"
                  + " SELECT ?, id, 0, '8.1.0', '8.0.0', 'PENDING', 0, now(), now()"
                  + " FROM devices WHERE id LIKE 'bench-%' AND right(id, 1) = '0'",
              ROLLOUT);
          Jdbc.update(connection, "ANALYZE devices");
          return Jdbc.update(connection, "ANALYZE assignments");
        });
    // the token update left a million dead rows: vacuum now, or autovacuum runs mid-measurement
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("VACUUM ANALYZE devices, assignments");
    }
    checkIns.refreshReleases();
    System.out.println(
        "BENCH database settings: "
            + Jdbc.inTransaction(
                dataSource,
                connection ->
                    Jdbc.query(
                        connection,
                        "SELECT name || '=' || setting || coalesce(unit, '') FROM pg_settings"
                            + " WHERE name IN ('shared_buffers', 'fsync', 'synchronous_commit',"
                            + " 'full_page_writes', 'wal_compression', 'max_wal_size',"
                            + " 'checkpoint_timeout', 'max_connections')",
                        row -> row.getString(1))));
    System.out.printf(
        "BENCH seeded %d devices in %.1f s; devices table with its indexes: %d MB%n",
        DEVICES,
        (System.nanoTime() - start) / 1e9,
        Jdbc.inTransaction(
                dataSource,
                connection ->
                    Jdbc.queryLong(connection, "SELECT pg_total_relation_size('devices')"))
            / (1024 * 1024));
  }

  record Result(int count, long errors) {}

  private Result run(HttpClient http, int seconds, long[] latencies) throws InterruptedException {
    Semaphore inFlight = new Semaphore(CONCURRENCY);
    AtomicInteger count = new AtomicInteger();
    AtomicLong errors = new AtomicLong();
    long end = System.nanoTime() + seconds * 1_000_000_000L;
    while (System.nanoTime() < end) {
      inFlight.acquire();
      long sent = System.nanoTime();
      http.sendAsync(request(), HttpResponse.BodyHandlers.discarding())
          .whenComplete(
              (response, failure) -> {
                long took = System.nanoTime() - sent;
                inFlight.release();
                if (failure != null || response.statusCode() != 200) {
                  errors.incrementAndGet();
                  return;
                }
                int i = count.getAndIncrement();
                if (latencies != null && i < latencies.length) {
                  latencies[i] = took;
                }
              });
    }
    inFlight.acquire(CONCURRENCY);
    return new Result(count.get(), errors.get());
  }

  private HttpRequest request() {
    String id = "bench-" + String.format("%07d", ThreadLocalRandom.current().nextInt(DEVICES));
    boolean metered = ThreadLocalRandom.current().nextInt(4) == 0;
    String body =
        "{\"version\":\"8.0.0\",\"hardwareModel\":\"th-100\",\"batteryPercent\":"
            + ThreadLocalRandom.current().nextInt(100)
            + ",\"freeStorageBytes\":900000000,\"network\":{\"type\":\"wifi\",\"metered\":"
            + metered
            + ",\"quality\":0.9},\"localTime\":\"2026-11-28T03:12:00+01:00\"}";
    return HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + port + "/device/v1/devices/" + id + "/check-in"))
        .header("Authorization", "Bearer bench-token-" + id)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .build();
  }

  private static double ms(long[] sorted, double quantile) {
    return sorted[(int) Math.min(sorted.length - 1, Math.floor(quantile * sorted.length))] / 1e6;
  }
}
