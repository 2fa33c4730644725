package dev.rollout.activities.rollout;

import static dev.rollout.activities.rollout.Fixture.ROLLOUT;
import static dev.rollout.activities.rollout.Fixture.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rollout.activities.testing.Outcomes;
import dev.rollout.definitions.gate.PhaseCounts;
import dev.rollout.definitions.gate.Verdict;
import dev.rollout.workflows.rollout.MeasureRequest;
import dev.rollout.workflows.rollout.Measurement;
import dev.rollout.workflows.rollout.WaveRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class MeasureIT {

  private final Fixture fixture = new Fixture().withFleet(1000);
  private final RolloutActivitiesImpl activities = fixture.activities;

  MeasureIT() {
    fixture.prepare(ROLLOUT);
    activities.assignWave(new WaveRequest(ROLLOUT, 1, Long.MAX_VALUE, T0));
    activities.assignWave(new WaveRequest(ROLLOUT, 2, Long.MAX_VALUE, T0));
  }

  @Test
  void countsThePhaseAndTheWholeRolloutForTheBrake() {
    Outcomes.complete(fixture.db, ROLLOUT, 2, 200, 10);
    Outcomes.unhealthy(fixture.db, ROLLOUT, 2, 5);
    Outcomes.defer(fixture.db, ROLLOUT, 2, 6, "BATTERY_LOW");
    Outcomes.complete(fixture.db, ROLLOUT, 1, 1, 1);

    Measurement measurement = measure(2, T0);

    PhaseCounts phase = measurement.phase();
    assertThat(List.of(phase.assigned(), phase.succeeded(), phase.failed(), phase.unhealthy()))
        .containsExactly(247L, 200L, 10L, 5L);
    assertThat(List.of(phase.deferred(), phase.pending(), phase.supportTickets()))
        .containsExactly(6L, 31L, 0L);
    assertThat(phase.downloadP90()).isNull();
    PhaseCounts rollout = measurement.rollout();
    assertThat(List.of(rollout.assigned(), rollout.succeeded(), rollout.failed()))
        .containsExactly(250L, 201L, 11L);
    assertThat(measurement.gate().verdict()).isEqualTo(Verdict.INCONCLUSIVE);
  }

  @Test
  void timesOutDevicesSilentForLongerThanTheTimeout() {
    Outcomes.startAll(fixture.db, ROLLOUT, 2, T0);

    Measurement early = measure(2, T0.plus(Duration.ofHours(1)));
    Measurement late = measure(2, T0.plus(Duration.ofHours(3)));
    Measurement retried = measure(2, T0.plus(Duration.ofHours(3)));

    assertThat(early.timedOut()).isZero();
    assertThat(early.phase().inProgress()).isEqualTo(247);
    assertThat(late.timedOut()).isEqualTo(247);
    assertThat(late.phase().timedOut()).isEqualTo(247);
    assertThat(retried.timedOut()).isZero();
    assertThat(
            TestDatabaseTables.count(
                fixture.db,
                "SELECT count(*) FROM assignments WHERE outcome = 'TIMED_OUT'"
                    + " AND last_error_code = 'TIMEOUT' AND finished_at = ?",
                T0.plus(Duration.ofHours(3))))
        .isEqualTo(247);
  }

  @Test
  void quarantinesDevicesOutOfAttemptsIntoTheSupportQueueOnce() {
    Outcomes.complete(fixture.db, ROLLOUT, 2, 0, 20);
    TestDatabaseTables.update(
        fixture.db,
        "UPDATE assignments SET attempts = 3 WHERE device_id IN (SELECT device_id FROM assignments"
            + " WHERE outcome = 'FAILED' ORDER BY device_id LIMIT 8)");

    Measurement first = measure(2, T0);
    Measurement retried = measure(2, T0);

    assertThat(first.quarantined()).isEqualTo(8);
    assertThat(first.phase().quarantined()).isEqualTo(8);
    assertThat(first.phase().failed()).isEqualTo(12);
    assertThat(retried.quarantined()).isZero();
    assertThat(
            TestDatabaseTables.count(
                fixture.db,
                "SELECT count(*) FROM support_queue WHERE reason = 'MAX_ATTEMPTS'"
                    + " AND error_code = 'INSTALL_FAILED'"))
        .isEqualTo(8);
  }

  @Test
  void measuresTicketsSinceAssignmentAndDownloadP90WhenTheGateLimitsThem() {
    TestDatabaseTables.update(
        fixture.db,
        "UPDATE assignments SET phase = 0"
            + " WHERE device_id = (SELECT min(device_id) FROM assignments WHERE phase = 2)");
    TestDatabaseTables.update(
        fixture.db,
        "UPDATE assignments SET download_ms = 1000 * (1 + abs(hashtext(device_id)) % 10)"
            + " WHERE phase = 2");
    TestDatabaseTables.update(
        fixture.db,
        "INSERT INTO support_tickets (device_id, opened_at) SELECT device_id, ? FROM assignments"
            + " WHERE phase = 0",
        T0.plusSeconds(60));
    TestDatabaseTables.update(
        fixture.db,
        "INSERT INTO support_tickets (device_id, opened_at) SELECT device_id, ? FROM assignments"
            + " WHERE phase = 0",
        T0.minusSeconds(60));

    PhaseCounts internal = measure(0, T0).phase();
    PhaseCounts quarter = measure(2, T0).phase();

    assertThat(internal.supportTickets()).isEqualTo(1);
    assertThat(internal.downloadP90()).isNull();
    assertThat(quarter.downloadP90()).isNull(); // the quarter's gate has no p90 limit
    TestDatabaseTables.update(fixture.db, "UPDATE assignments SET phase = 0 WHERE phase = 2");
    Duration p90 = measure(0, T0).phase().downloadP90();
    assertThat(p90).isBetween(Duration.ofSeconds(8), Duration.ofSeconds(10));
  }

  @Test
  void theCountsKeptByTriggersMatchTheAssignmentsAfterEveryKindOfWrite() {
    Outcomes.complete(fixture.db, ROLLOUT, 2, 100, 20);
    Outcomes.unhealthy(fixture.db, ROLLOUT, 2, 7);
    Outcomes.startAll(fixture.db, ROLLOUT, 1, T0);
    activities.rollBackPhase(new dev.rollout.workflows.rollout.RollbackRequest(ROLLOUT, 2, T0));
    Outcomes.rollBackOffered(fixture.db, ROLLOUT, 2, 50, 5);
    TestDatabaseTables.update(
        fixture.db,
        "DELETE FROM assignments WHERE device_id IN (SELECT device_id FROM assignments"
            + " ORDER BY device_id LIMIT 9)");
    activities.assignWave(new WaveRequest(ROLLOUT, 3, 100, T0));

    assertThat(countsByTrigger()).isEqualTo(countsByScan());
    TestDatabaseTables.update(fixture.db, "TRUNCATE assignments");
    assertThat(countsByTrigger()).isEqualTo("");
  }

  private String countsByTrigger() {
    return rows(
        "SELECT string_agg(k || '=' || n, ',' ORDER BY k) FROM (SELECT phase || outcome"
            + " || unhealthy AS k, sum(devices) AS n FROM assignment_counts GROUP BY 1"
            + " HAVING sum(devices) <> 0) x");
  }

  private String countsByScan() {
    return rows(
        "SELECT string_agg(k || '=' || n, ',' ORDER BY k) FROM (SELECT phase || outcome"
            + " || coalesce(NOT healthy, false) AS k, count(*) AS n FROM assignments GROUP BY 1) x");
  }

  private String rows(String sql) {
    return dev.rollout.activities.store.Jdbc.inTransaction(
        fixture.db,
        c -> {
          List<String> values =
              dev.rollout.activities.store.Jdbc.query(c, sql, r -> r.getString(1));
          return values.get(0) == null ? "" : values.get(0);
        });
  }

  private Measurement measure(int phase, Instant now) {
    return activities.measure(new MeasureRequest(ROLLOUT, phase, false, now));
  }
}
