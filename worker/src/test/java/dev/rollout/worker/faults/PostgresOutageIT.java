package dev.rollout.worker.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.rollout.agent.simulator.Behaviours;
import dev.rollout.agent.simulator.FleetGenerator;
import dev.rollout.agent.simulator.FleetImporter;
import dev.rollout.agent.simulator.FleetSimulator;
import dev.rollout.agent.simulator.FleetSpec;
import dev.rollout.agent.simulator.SimDevice;
import dev.rollout.agent.simulator.Simulation;
import dev.rollout.agent.simulator.SimulatorConfig;
import dev.rollout.worker.FreePorts;
import dev.rollout.worker.cli.MgmtClient;
import dev.rollout.worker.db.EmbeddedPostgresServer;
import dev.rollout.worker.demo.SignedFirmware;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PostgreSQL goes away for 30 s in the middle of a phase and comes back on the same port with the
 * same data directory. The engine (worker and device API) runs in a process of its own, Temporal in
 * another, PostgreSQL in this JVM, and a few hundred reference agents check in over real HTTP with
 * accelerated clocks. Meanwhile devices get 503 with {@code Retry-After}; afterwards the rollout
 * completes, every event a device had acknowledged is stored exactly once, and no device is
 * assigned twice.
 */
class PostgresOutageIT {

  private static final Duration SOON = Duration.ofSeconds(180);
  private static final Duration OUTAGE = Duration.ofSeconds(30);
  private static final int DEVICES = 300;
  private static final String ADMIN_TOKEN = "outage-admin-token-0123456789abcdef";

  @TempDir Path dir;

  private final int dbPort = FreePorts.find();
  private EmbeddedPostgresServer postgres;
  private EngineProcess temporal;
  private EngineProcess engine;
  private Simulation fleet;

  @AfterEach
  void stopEverything() throws Exception {
    if (fleet != null) {
      fleet.close();
    }
    for (EngineProcess process : new EngineProcess[] {engine, temporal}) {
      if (process != null) {
        process.close();
      }
    }
    if (postgres != null) {
      postgres.close();
    }
  }

  @Test
  void aThirtySecondDatabaseOutageMidPhaseLosesNoEventAndTheRolloutCompletes() throws Exception {
    postgres = EmbeddedPostgresServer.start(dir.resolve("postgres"), dbPort);
    Sql store = new Sql(postgres.jdbcUrl());
    URI base = startEngine();
    MgmtClient mgmt = new MgmtClient(base, ADMIN_TOKEN);
    SignedFirmware firmware = Firmware.withBase("2.3.0");
    firmware.publish(mgmt, "2.3.0", "2.4.0");
    List<SimDevice> devices = FleetGenerator.generate(fleetSpec(), 6);
    Map<String, String> tokens =
        FleetImporter.importDevices(HttpClient.newHttpClient(), base, ADMIN_TOKEN, devices);
    fleet = FleetSimulator.run(simulator(base, firmware), devices, tokens);
    String rollout = mgmt.postJson("/mgmt/v1/rollouts", plan()).path("rolloutId").asText();

    await("the second phase half done", () -> midPhase(store, rollout));
    long assignedBefore = assigned(store, rollout);
    postgres.close();
    long stoppedAt = System.nanoTime();
    HttpResponse<String> probe = probeCheckIn(base, devices.get(0).id(), tokens);
    Thread.sleep(Math.max(0, OUTAGE.toMillis() - (System.nanoTime() - stoppedAt) / 1_000_000));
    long devices503 = fleet.httpErrors(503);
    postgres = EmbeddedPostgresServer.start(dir.resolve("postgres"), dbPort);

    assertThat(probe.statusCode()).isEqualTo(503);
    assertThat(probe.headers().firstValue("Retry-After"))
        .hasValueSatisfying(seconds -> assertThat(Integer.parseInt(seconds)).isPositive());
    assertThat(probe.body()).contains("STORE_UNAVAILABLE");
    assertThat(devices503).as("the agents' 503 answers during the outage").isPositive();
    assertThat(store.count("SELECT count(*) FROM devices"))
        .as("the data survived")
        .isEqualTo(DEVICES);
    assertThat(assigned(store, rollout)).isGreaterThanOrEqualTo(assignedBefore);

    long restartedAt = System.nanoTime();
    await("the engine answers again", () -> state(mgmt, rollout) != null);
    System.out.printf(
        "the engine answered %d ms after the database was back%n",
        (System.nanoTime() - restartedAt) / 1_000_000);
    await("COMPLETED", () -> "COMPLETED".equals(state(mgmt, rollout)));
    await("every device updated", () -> succeeded(store, rollout) == DEVICES);
    await(
        "every acknowledged event in the store",
        () -> fleet.acknowledgedEvents().equals(store.eventIds()));
    fleet.close();

    Map<String, Set<String>> acknowledged = fleet.acknowledgedEvents();
    assertThat(store.eventIds()).isEqualTo(acknowledged);
    assertThat(acknowledged).hasSize(DEVICES);
    assertThat(store.count("SELECT count(*) FROM device_events"))
        .isEqualTo(acknowledged.values().stream().mapToLong(Set::size).sum());
    assertThat(assigned(store, rollout)).isEqualTo(DEVICES);
    assertThat(
            store.count(
                "SELECT count(DISTINCT device_id) FROM assignments WHERE rollout_id = ?", rollout))
        .isEqualTo(DEVICES);
    assertThat(fleet.stats().eventsDropped()).as("events the agents dropped").isZero();
    // a delta interrupted by the outage falls back to the full image: not a failure by itself
    assertThat(fleet.stats().failures().keySet())
        .as("failures the agents reported")
        .isSubsetOf("DELTA_FAILED");
  }

  private URI startEngine() throws Exception {
    int temporalPort = FreePorts.find();
    temporal =
        EngineProcess.start(
            "outage-temporal", Map.of(), "temporal-server", "--port", "" + temporalPort);
    temporal.awaitLog("Temporal server listening", SOON);
    int httpPort = FreePorts.find();
    engine =
        EngineProcess.start(
            "outage-engine",
            Map.of(
                "TEMPORAL_ADDRESS",
                "127.0.0.1:" + temporalPort,
                "ROLLOUT_DB_URL",
                postgres.jdbcUrl(),
                "ROLLOUT_DB_USER",
                EmbeddedPostgresServer.USER,
                "ROLLOUT_DB_PASSWORD",
                "",
                "ROLLOUT_HTTP_PORT",
                "" + httpPort,
                "ROLLOUT_DATA_DIR",
                dir.resolve("engine").toString(),
                "ROLLOUT_ADMIN_TOKEN",
                ADMIN_TOKEN),
            "server");
    engine.awaitHealthy(httpPort, SOON);
    return URI.create("http://127.0.0.1:" + httpPort);
  }

  /** Every device online, charged, on wifi, with room: nothing but the outage holds them back. */
  private static FleetSpec fleetSpec() {
    return new FleetSpec(
        DEVICES,
        "pg",
        Firmware.MODELS,
        List.of("eu-west"),
        List.of("2.3.0"),
        List.of("UTC"),
        0,
        0,
        0,
        0,
        0,
        0,
        0);
  }

  /** Check-ins every 5 s, an update in about 2 s. */
  private static SimulatorConfig simulator(URI base, SignedFirmware firmware) {
    return new SimulatorConfig(
        base,
        ADMIN_TOKEN,
        fleetSpec(),
        6,
        firmware.trustedKeys(),
        Behaviours.allGood(),
        120,
        Duration.ofMinutes(10),
        Duration.ofMinutes(2),
        Duration.ofMinutes(1),
        Duration.ofSeconds(30),
        16);
  }

  private static JsonNode plan() throws Exception {
    return new YAMLMapper()
        .readTree(
            """
            apiVersion: rollout/v1
            name: pg-outage
            release: 2.4.0
            rate: {maxPerMinute: 300}
            window: {closesAfter: 20m}
            devicePolicy: {inProgressTimeout: 10m}
            phases:
              - {name: first, cohort: {percent: 20}, soak: 10s, gate: {minDevices: 20, successRate: 0.8}}
              - {name: all, cohort: {percent: 100}, soak: 10s, gate: {minDevices: 100, successRate: 0.9}}
            """);
  }

  /** The second phase has started and some, not all, of its devices updated. */
  private static boolean midPhase(Sql store, String rollout) {
    long updated =
        store.count(
            "SELECT count(*) FROM assignments WHERE rollout_id = ? AND phase = 1"
                + " AND outcome = 'SUCCEEDED'",
            rollout);
    return updated > 0 && updated < DEVICES / 2;
  }

  private static long assigned(Sql store, String rollout) {
    return store.count("SELECT count(*) FROM assignments WHERE rollout_id = ?", rollout);
  }

  private static long succeeded(Sql store, String rollout) {
    return store.count(
        "SELECT count(*) FROM assignments WHERE rollout_id = ? AND outcome = 'SUCCEEDED'", rollout);
  }

  /** The rollout's state, or null while the engine's pool has not reconnected yet (a 503). */
  private static String state(MgmtClient mgmt, String rollout) {
    try {
      return mgmt.get("/mgmt/v1/rollouts/" + rollout).path("state").asText();
    } catch (RuntimeException e) {
      if (String.valueOf(e.getMessage()).contains("STORE_UNAVAILABLE")) {
        return null;
      }
      throw e;
    }
  }

  /** A device's own check-in while the store is down, until the engine notices. */
  private static HttpResponse<String> probeCheckIn(
      URI base, String deviceId, Map<String, String> tokens) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(base.resolve("/device/v1/devices/" + deviceId + "/check-in"))
            .header("Authorization", "Bearer " + tokens.get(deviceId))
            .header("Content-Type", "application/json")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    """
                    {"version": "2.3.0", "hardwareModel": "th-100", "localTime": "%s"}
                    """
                        .formatted(OffsetDateTime.now())))
            .build();
    HttpClient http = HttpClient.newHttpClient();
    long deadline = System.nanoTime() + OUTAGE.toNanos() / 2;
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    while (response.statusCode() != 503 && System.nanoTime() < deadline) {
      Thread.sleep(200);
      response = http.send(request, HttpResponse.BodyHandlers.ofString());
    }
    return response;
  }

  private static void await(String what, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + SOON.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting for: " + what);
      }
      Thread.sleep(250);
    }
  }
}
