package dev.rollout.worker.device;

import static dev.rollout.worker.device.Handset.downloadStarted;
import static dev.rollout.worker.device.Handset.healthy;
import static dev.rollout.worker.device.Handset.restOfInstall;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.rollout.activities.device.CheckIns;
import dev.rollout.activities.testing.Releases;
import dev.rollout.definitions.release.Keys;
import dev.rollout.worker.EngineTest;
import dev.rollout.worker.config.RolloutProperties;
import dev.rollout.worker.device.DeviceClient.Answer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Slow and stuck devices end to end (docs/runbook.md §7), over the real device API against a real
 * rollout with durations of seconds: a device silent in progress becomes TIMED_OUT and is offered
 * the update again within the window; a device still silent when the window closes is MISSED; a
 * device back after its rollout ended gets nothing from it, and its late events change nothing.
 */
class StuckDevicesIT extends EngineTest {

  private static final String OLD = "63.0.0";
  private static final Duration DEADLINE = Duration.ofSeconds(120);

  @Autowired RolloutProperties properties;
  @Autowired CheckIns checkIns;
  private DeviceClient client;
  private String model;
  private String target;

  /** A release of its own for each test (the engine's database is shared). */
  private void release(String version) {
    client = new DeviceClient(this::url);
    model = "stuck-" + UUID.randomUUID().toString().substring(0, 8);
    target = version;
    Releases.registerSigned(
        dataSource,
        properties.dataDir().resolve("artifacts"),
        Keys.generate(),
        version,
        new byte[5000],
        false,
        model);
    checkIns.refreshReleases();
  }

  @Test
  void aDeviceSilentMidInstallTimesOutAndIsOfferedTheUpdateAgain() {
    release("63.1.0");
    Handset returns = device("returns");
    Handset gone = device("gone");
    String rolloutId = start("3s", "10m", "8s", 2);
    awaitAssigned(rolloutId, 2);
    for (Handset handset : new Handset[] {returns, gone}) {
      assertThat(handset.action()).isEqualTo("UPDATE");
      assertThat(handset.events(rolloutId, downloadStarted(target)).status()).isEqualTo(200);
    }

    await().atMost(DEADLINE).until(() -> "TIMED_OUT".equals(outcome(rolloutId, returns)));
    assertThat(returns.action()).as("offered again after the timeout").isEqualTo("UPDATE");
    install(returns, rolloutId);
    await().atMost(DEADLINE).until(() -> "COMPLETED".equals(state(rolloutId)));
    Map<String, Long> closed = outcomes(rolloutId);
    assertThat(closed).isEqualTo(Map.of("SUCCEEDED", 1L, "TIMED_OUT", 1L));

    // back after the rollout ended, with the install it had started long ago
    assertThat(gone.action()).isEqualTo("NONE");
    assertRefused(gone.events(rolloutId, downloadStarted(target)));
    assertRefused(gone.events(rolloutId, healthy(target)));
    assertThat(gone.action()).isEqualTo("NONE");
    assertThat(outcomes(rolloutId)).isEqualTo(closed);
  }

  @Test
  void devicesSilentUntilTheWindowClosesAreMissedAndGetNothingAfterIt() {
    release("63.2.0");
    Handset quick = device("quick");
    Handset stuck = device("stuck");
    Handset offline = device("offline");
    String rolloutId = start("1h", "20s", "5s", 1);
    awaitAssigned(rolloutId, 3);
    assertThat(quick.action()).isEqualTo("UPDATE");
    install(quick, rolloutId);
    assertThat(stuck.action()).isEqualTo("UPDATE");
    assertThat(stuck.events(rolloutId, downloadStarted(target)).status()).isEqualTo(200);

    await().atMost(DEADLINE).until(() -> "COMPLETED".equals(state(rolloutId)));
    assertThat(missedReasons(rolloutId))
        .isEqualTo(Map.of(stuck.id(), "STILL_IN_PROGRESS", offline.id(), "OFFLINE"));
    Map<String, Long> closed = outcomes(rolloutId);
    assertThat(closed).isEqualTo(Map.of("SUCCEEDED", 1L, "MISSED", 2L));

    for (Handset late : new Handset[] {stuck, offline}) {
      assertThat(late.action()).as(late.id()).isEqualTo("NONE");
    }
    assertRefused(stuck.events(rolloutId, restOfInstall(target)));
    assertRefused(offline.events(rolloutId, downloadStarted(target)));
    assertThat(outcomes(rolloutId)).isEqualTo(closed);
  }

  private Handset device(String name) {
    return Handset.imported(client, adminToken(), model + "-" + name, model, OLD);
  }

  private String start(String timeout, String window, String soak, int minDevices) {
    String plan =
        """
        apiVersion: rollout/v1
        name: %s
        release: %s
        target: {hardwareModels: [%s]}
        devicePolicy: {inProgressTimeout: %s}
        window: {closesAfter: %s}
        rollback: {auto: false}
        phases:
          - name: all
            cohort: {percent: 100}
            soak: %s
            gate: {minDevices: %d, successRate: 0.05, maxFailureRate: 1}
        """
            .formatted(model, target, model, timeout, window, soak, minDevices);
    Answer started = client.post("/mgmt/v1/rollouts", adminToken(), "application/yaml", plan);
    assertThat(started.status()).as(started.body().toString()).isEqualTo(201);
    return started.body().path("rolloutId").asText();
  }

  private void install(Handset handset, String rolloutId) {
    String[] events = new String[6];
    events[0] = downloadStarted(target);
    System.arraycopy(restOfInstall(target), 0, events, 1, 5);
    Answer answer = handset.events(rolloutId, events);
    assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
  }

  private static void assertRefused(Answer answer) {
    assertThat(answer.status()).as(answer.body().toString()).isEqualTo(409);
    assertThat(answer.code()).isEqualTo("EVENT_OUT_OF_ORDER");
  }

  private String state(String rolloutId) {
    return client
        .get("/mgmt/v1/rollouts/" + rolloutId, adminToken(), null)
        .body()
        .path("state")
        .asText();
  }

  private void awaitAssigned(String rolloutId, int devices) {
    await()
        .atMost(DEADLINE)
        .until(() -> outcomes(rolloutId).values().stream().mapToLong(n -> n).sum() == devices);
  }

  private String outcome(String rolloutId, Handset handset) {
    return query(
            "SELECT device_id, outcome FROM assignments WHERE rollout_id = ? AND device_id = '"
                + handset.id()
                + "'",
            rolloutId)
        .get(handset.id());
  }

  private Map<String, String> missedReasons(String rolloutId) {
    return query(
        "SELECT device_id, missed_reason FROM assignments WHERE rollout_id = ?"
            + " AND outcome = 'MISSED'",
        rolloutId);
  }

  private Map<String, Long> outcomes(String rolloutId) {
    Map<String, Long> counts = new TreeMap<>();
    query(
            "SELECT outcome, count(*)::text FROM assignments WHERE rollout_id = ? GROUP BY 1",
            rolloutId)
        .forEach((outcome, count) -> counts.put(outcome, Long.parseLong(count)));
    return counts;
  }

  private Map<String, String> query(String sql, String rolloutId) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setString(1, rolloutId);
      Map<String, String> rows = new TreeMap<>();
      try (ResultSet result = statement.executeQuery()) {
        while (result.next()) {
          rows.put(result.getString(1), result.getString(2));
        }
      }
      return rows;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
