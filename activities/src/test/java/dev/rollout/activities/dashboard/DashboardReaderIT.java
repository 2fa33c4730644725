package dev.rollout.activities.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rollout.activities.dashboard.StoreDashboard.Cohort;
import dev.rollout.activities.dashboard.StoreDashboard.FleetCell;
import dev.rollout.activities.dashboard.StoreDashboard.ReasonCount;
import dev.rollout.activities.dashboard.StoreDashboard.StoredRollout;
import dev.rollout.activities.dashboard.StoreDashboard.SupportCase;
import dev.rollout.activities.mgmt.SupportQueue;
import dev.rollout.activities.rollout.RolloutActivitiesImpl;
import dev.rollout.activities.store.Jdbc;
import dev.rollout.activities.testing.Fleet;
import dev.rollout.activities.testing.FleetSpec;
import dev.rollout.activities.testing.Outcomes;
import dev.rollout.activities.testing.Plans;
import dev.rollout.activities.testing.Releases;
import dev.rollout.activities.testing.TestDatabase;
import dev.rollout.workflows.rollout.CloseWindowRequest;
import dev.rollout.workflows.rollout.MeasureRequest;
import dev.rollout.workflows.rollout.PrepareRequest;
import dev.rollout.workflows.rollout.RolloutState;
import dev.rollout.workflows.rollout.StateChange;
import dev.rollout.workflows.rollout.WaveRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** The dashboard's read side over a real store: a prepared rollout, devices simulated set-based. */
class DashboardReaderIT {

  private static final String ROLLOUT = "r1";

  /**
   * The assignments of the timed cohort: 250,000 (a quarter of a million-device fleet) by default;
   * seeding and preparing them takes about a minute on a busy 2-core machine.
   */
  private static final int SCALE = Integer.getInteger("dashboard.scale", 250_000);

  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  private final DataSource db = TestDatabase.dataSource();
  private final RolloutActivitiesImpl activities = new RolloutActivitiesImpl(db);
  private final DashboardReader reader = new DashboardReader(db);

  DashboardReaderIT() {
    TestDatabase.reset();
    Releases.register(db, "2.4.0", "th-100", "th-200");
  }

  @Test
  void countsTheFleetPerVersionAndModel() {
    Fleet.seed(db, FleetSpec.of(100).withHardwareModels("th-100"));
    Fleet.seed(db, FleetSpec.of(30).withIdPrefix("new-").withVersion("2.4.0"));
    Fleet.seed(db, FleetSpec.of(20).withIdPrefix("old-").withVersion("2.10.0"));

    List<FleetCell> fleet = reader.fleet();

    assertThat(fleet.stream().mapToLong(FleetCell::devices).sum()).isEqualTo(150);
    assertThat(fleet).contains(new FleetCell("2.3.0", "th-100", 100));
    // per model, in version order (2.10.0 after 2.4.0, which text order would not give)
    assertThat(fleet.stream().filter(c -> c.hardwareModel().equals("th-200")))
        .extracting(FleetCell::version)
        .containsExactly("2.4.0", "2.10.0");
  }

  @Test
  void aggregatesEachCohortOutcomesHealthFailuresAndDeferrals() {
    prepared(ROLLOUT, 1000);
    Outcomes.complete(db, ROLLOUT, 2, 200, 10);
    Outcomes.unhealthy(db, ROLLOUT, 2, 5);
    Outcomes.defer(db, ROLLOUT, 2, 6, "LOW_BATTERY");
    Outcomes.defer(db, ROLLOUT, 2, 2, "LOW_STORAGE");
    Outcomes.complete(db, ROLLOUT, 1, 1, 1);
    update(
        "UPDATE assignments SET last_error_code = 'BOOT_LOOP' WHERE device_id IN"
            + " (SELECT device_id FROM assignments WHERE phase = 2 AND outcome = 'FAILED'"
            + " ORDER BY device_id LIMIT 3)");

    StoredRollout rollout = reader.read(10, 10, 10).rollouts().get(0);

    assertThat(rollout.cohorts())
        .extracting(Cohort::name)
        .containsExactly("internal", "low-risk", "quarter", "everyone");
    Cohort quarter = rollout.cohorts().get(2);
    long assigned = count("SELECT count(*) FROM assignments WHERE phase = 2");
    assertThat(quarter.assigned()).isEqualTo(assigned);
    assertThat(quarter.outcomes())
        .containsEntry("SUCCEEDED", 200L)
        .containsEntry("FAILED", 10L)
        .containsEntry("DEFERRED", 8L)
        .containsEntry("PENDING", assigned - 218);
    assertThat(List.of(quarter.healthy(), quarter.unhealthy())).containsExactly(195L, 5L);
    assertThat(quarter.failures())
        .containsExactly(new ReasonCount("INSTALL_FAILED", 7), new ReasonCount("BOOT_LOOP", 3));
    assertThat(quarter.deferred())
        .containsExactly(new ReasonCount("LOW_BATTERY", 6), new ReasonCount("LOW_STORAGE", 2));
    assertThat(quarter.missed()).isEmpty();
    assertThat(rollout.cohorts().get(1).failures())
        .containsExactly(new ReasonCount("INSTALL_FAILED", 1));
    assertThat(rollout.cohorts().get(3).assigned()).isZero();
  }

  @Test
  void computesDownloadAndInstallPercentilesOfTheDevicesThatReportedThem() {
    prepared(ROLLOUT, 1000);
    Outcomes.complete(db, ROLLOUT, 2, 190, 10);
    // the n-th completed device (1..200) downloaded in n seconds and installed in 2n
    update(
        "UPDATE assignments a SET download_ms = 1000 * n, install_ms = 2000 * n FROM"
            + " (SELECT device_id, row_number() OVER (ORDER BY device_id) AS n FROM assignments"
            + " WHERE phase = 2 AND outcome IN ('SUCCEEDED', 'FAILED')) p"
            + " WHERE a.device_id = p.device_id");

    Cohort quarter = reader.read(10, 10, 10).rollouts().get(0).cohorts().get(2);

    // linear interpolation over 1..200: p50 at rank 100.5, p90 at rank 180.1
    assertThat(quarter.download().devices()).isEqualTo(200);
    assertThat(quarter.download().p50Ms()).isEqualTo(100_500.0);
    assertThat(quarter.download().p90Ms()).isCloseTo(180_100.0, within());
    assertThat(quarter.install().p90Ms()).isCloseTo(360_200.0, within());
    Cohort everyone = reader.read(10, 10, 10).rollouts().get(0).cohorts().get(3);
    assertThat(everyone.download()).isEqualTo(StoreDashboard.Timing.NONE);
  }

  @Test
  void listsDevicesTheWindowMissedByReason() {
    prepared(ROLLOUT, 1000);
    Outcomes.defer(db, ROLLOUT, 2, 4, "METERED_OUTSIDE_OFF_PEAK");
    Outcomes.complete(db, ROLLOUT, 2, 100, 0);
    Outcomes.seen(db, ROLLOUT, 2, T0.plusSeconds(60));
    update(
        "UPDATE devices SET last_seen_at = NULL WHERE id IN (SELECT device_id FROM assignments"
            + " WHERE phase = 2 AND outcome = 'PENDING' ORDER BY device_id LIMIT 30)");
    activities.closeWindow(new CloseWindowRequest(ROLLOUT, T0.plus(Duration.ofDays(30))));

    Cohort quarter = reader.read(10, 10, 10).rollouts().get(0).cohorts().get(2);

    long missed = quarter.outcomes().get("MISSED");
    assertThat(quarter.missed())
        .extracting(ReasonCount::reason)
        .containsExactlyInAnyOrder("OFFLINE", "NOT_PICKED_UP", "PREFLIGHT_NOT_MET");
    assertThat(quarter.missed())
        .contains(new ReasonCount("OFFLINE", 30), new ReasonCount("PREFLIGHT_NOT_MET", 4));
    assertThat(quarter.missed().stream().mapToLong(ReasonCount::devices).sum()).isEqualTo(missed);
  }

  @Test
  void showsTheRecentRolloutsRunningFirstWithABoundedAuditTail() {
    prepared("done", 200);
    prepared(ROLLOUT, 200);
    prepared("older", 200);
    record("done", RolloutState.COMPLETED, 3, T0.plusSeconds(300));
    for (int i = 0; i < 5; i++) {
      record(ROLLOUT, RolloutState.RUNNING, 1, T0.plusSeconds(i));
    }
    record(ROLLOUT, RolloutState.PAUSED, 1, T0.plusSeconds(10));
    record("older", RolloutState.RUNNING, 0, T0.minusSeconds(60));

    List<StoredRollout> rollouts = reader.read(2, 3, 10).rollouts();

    assertThat(rollouts).extracting(StoredRollout::id).containsExactly(ROLLOUT, "older");
    StoredRollout paused = rollouts.get(0);
    assertThat(paused.state()).isEqualTo("PAUSED");
    assertThat(List.of(paused.pausedReason(), paused.pausedBy())).containsExactly("why", "alice");
    assertThat(paused.audit())
        .extracting(a -> a.at().getEpochSecond() - T0.getEpochSecond())
        .containsExactly(3L, 4L, 10L);
    assertThat(reader.read(10, 3, 10).rollouts())
        .extracting(StoredRollout::id)
        .containsExactly(ROLLOUT, "older", "done");
  }

  @Test
  void listsTheSupportQueueNewestFirstWithThePlaybookWhenItExists() {
    sevenOpenCases();

    StoreDashboard.SupportQueue queue = reader.read(10, 10, 5).support();

    assertThat(queue.total()).isEqualTo(7);
    assertThat(queue.cases()).hasSize(5);
    assertThat(queue.cases())
        .extracting(SupportCase::enteredAt)
        .isSortedAccordingTo(java.util.Comparator.reverseOrder());
    SupportCase first = queue.cases().get(0);
    assertThat(List.of(first.reason(), first.errorCode(), first.outcome(), first.errorDetail()))
        .containsExactly("MAX_ATTEMPTS", "INSTALL_FAILED", "QUARANTINED", "flash write failed");
    assertThat(List.<Object>of(first.phase(), first.attempts())).containsExactly("quarter", 3);
    assertThat(first.hardwareModel()).isIn("th-100", "th-200");
    assertThat(first.nextSteps()).isNull();

    withPlaybook(
        () -> {
          StoreDashboard.SupportQueue advised = reader.read(10, 10, 5).support();
          assertThat(advised.cases().get(0).cause()).isEqualTo("flash wear");
          assertThat(advised.cases().get(0).nextSteps()).isEqualTo("replace the unit");
          assertThat(advised.cases().get(0).retryable()).isFalse();
        });
  }

  @Test
  void theMgmtQueueReadsTheSameCasesOldestFirstWithTheSameAdvice() {
    sevenOpenCases();
    List<SupportCase> dashboard = new ArrayList<>(reader.read(10, 10, 10).support().cases());
    Collections.reverse(dashboard);

    withPlaybook(
        () -> {
          List<SupportQueue.Entry> mgmt = SupportQueue.open(db, 10);
          assertThat(mgmt)
              .extracting(SupportQueue.Entry::deviceId)
              .containsExactlyElementsOf(dashboard.stream().map(SupportCase::deviceId).toList());
          SupportQueue.Entry newest = mgmt.get(mgmt.size() - 1);
          SupportCase same = dashboard.get(dashboard.size() - 1);
          assertThat(List.of(newest.errorCode(), newest.since(), newest.advice().cause()))
              .containsExactly(same.errorCode(), same.enteredAt().toString(), "flash wear");
        });
  }

  /** Eight devices of phase 2 out of attempts, at random times in an hour; one released. */
  private void sevenOpenCases() {
    prepared(ROLLOUT, 1000);
    Outcomes.complete(db, ROLLOUT, 2, 0, 20);
    update(
        "UPDATE assignments SET attempts = 3, last_error_detail = 'flash write failed'"
            + " WHERE device_id IN (SELECT device_id FROM assignments WHERE outcome = 'FAILED'"
            + " ORDER BY device_id LIMIT 8)");
    activities.measure(new MeasureRequest(ROLLOUT, 2, false, T0));
    update("UPDATE support_queue SET entered_at = entered_at + (random() * interval '1 hour')");
    update(
        "UPDATE support_queue SET released_at = now() WHERE device_id ="
            + " (SELECT min(device_id) FROM support_queue)");
  }

  /** TestDatabase.reset() empties the playbook (V4): give the test's error code an entry. */
  private void withPlaybook(Runnable check) {
    update(
        "INSERT INTO playbook (error_code, cause, next_steps, retryable)"
            + " VALUES ('INSTALL_FAILED', 'flash wear', 'replace the unit', false)"
            + " ON CONFLICT (error_code) DO UPDATE SET cause = excluded.cause,"
            + " next_steps = excluded.next_steps, retryable = excluded.retryable");
    try {
      check.run();
    } finally {
      update("DELETE FROM playbook WHERE error_code = 'INSTALL_FAILED'");
    }
  }

  @Test
  void readsACohortOf250000DevicesInWellUnderASecond() {
    prepared(ROLLOUT, SCALE, 3);
    Outcomes.complete(db, ROLLOUT, 3, SCALE * 4 / 5, SCALE / 50);
    Outcomes.defer(db, ROLLOUT, 3, SCALE / 50, "LOW_BATTERY");
    update("ANALYZE assignments");

    long best = Long.MAX_VALUE;
    long fleet = Long.MAX_VALUE;
    for (int i = 0; i < 5; i++) {
      long start = System.nanoTime();
      StoreDashboard dashboard = reader.read(10, 20, 200);
      best = Math.min(best, (System.nanoTime() - start) / 1_000_000);
      assertThat(dashboard.rollouts().get(0).cohorts().get(3).assigned()).isEqualTo(SCALE);
      start = System.nanoTime();
      assertThat(reader.fleet()).isNotEmpty();
      fleet = Math.min(fleet, (System.nanoTime() - start) / 1_000_000);
    }

    System.out.printf(
        "dashboard read over %,d assignments: best of 5 = %d ms (fleet of %,d devices: %d ms)%n",
        SCALE, best, SCALE, fleet);
    assertThat(best).isLessThan(1_000);
  }

  private void prepared(String rolloutId, int devices) {
    prepared(rolloutId, devices, 1, 2);
  }

  /** More devices, the four-phase plan prepared over the fleet, the phases assigned in order. */
  private void prepared(String rolloutId, int devices, int... phases) {
    Fleet.seed(db, FleetSpec.of(devices).withIdPrefix(rolloutId + "-"));
    ObjectNode input = new ObjectMapper().createObjectNode();
    input.set("plan", new ObjectMapper().valueToTree(Plans.fourPhase("p-" + rolloutId, "2.4.0")));
    input.put("requestedBy", "alice");
    activities.prepare(new PrepareRequest(rolloutId, input));
    for (int phase : phases) {
      activities.assignWave(new WaveRequest(rolloutId, phase, Long.MAX_VALUE, T0));
    }
  }

  private void record(String rolloutId, RolloutState state, int phase, Instant at) {
    activities.recordState(new StateChange(rolloutId, state, phase, "why", "alice", at));
  }

  private void update(String sql) {
    Jdbc.inTransaction(db, c -> Jdbc.update(c, sql));
  }

  private long count(String sql) {
    return Jdbc.inTransaction(db, c -> Jdbc.queryLong(c, sql));
  }

  private static org.assertj.core.data.Offset<Double> within() {
    return org.assertj.core.data.Offset.offset(0.001);
  }
}
