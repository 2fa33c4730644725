package dev.rollout.activities.device;

import static dev.rollout.activities.device.DeviceFixtures.assign;
import static dev.rollout.activities.device.DeviceFixtures.assignment;
import static dev.rollout.activities.device.DeviceFixtures.device;
import static dev.rollout.activities.device.DeviceFixtures.events;
import static dev.rollout.activities.device.DeviceFixtures.policy;
import static dev.rollout.activities.device.DeviceFixtures.rollout;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rollout.activities.testing.TestDatabase;
import dev.rollout.definitions.device.DeviceEvent;
import dev.rollout.definitions.device.DeviceEvent.Header;
import dev.rollout.definitions.plan.NetworkPolicy.Metered;
import dev.rollout.definitions.version.SemVer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EventsIT {

  static final String ROLLOUT = "rollout-events";
  static final SemVer TARGET = SemVer.parse("2.4.0");
  static final SemVer OLD = SemVer.parse("2.3.0");

  final DataSource db = TestDatabase.dataSource();
  final EventRecorder recorder = new EventRecorder(db);

  @BeforeEach
  void freshStore() {
    TestDatabase.reset();
    rollout(db, ROLLOUT, "2.4.0", policy(0, Metered.ALLOW), "RUNNING");
    device(db, "e-1", "2.3.0");
    assign(db, ROLLOUT, "e-1", "2.4.0", "2.3.0");
  }

  static Header header(String id) {
    return new Header(id, ROLLOUT, Instant.parse("2026-11-28T02:00:00Z"));
  }

  @Test
  void replayedEventsAreCountedOnce() {
    List<DeviceEvent> batch =
        List.of(
            new DeviceEvent.DownloadStarted(header("a"), TARGET, false),
            new DeviceEvent.DownloadFinished(header("b"), 1000));
    assertThat(recorder.record("e-1", batch)).isEqualTo(new EventsResult.Recorded(2, 0));
    assertThat(recorder.record("e-1", batch)).isEqualTo(new EventsResult.Recorded(0, 2));
    assertThat(events(db, "e-1")).isEqualTo(2);
    assertThat(assignment(db, ROLLOUT, "e-1"))
        .containsEntry("attempts", 1)
        .containsEntry("download_ms", 1000L);
  }

  @Test
  void sameIdWithOtherContentIsRefusedAndNothingStored() {
    recorder.record("e-1", List.of(new DeviceEvent.DownloadStarted(header("a"), TARGET, false)));
    EventsResult result =
        recorder.record(
            "e-1",
            List.of(
                new DeviceEvent.DownloadFinished(header("b"), 5),
                new DeviceEvent.DownloadStarted(header("a"), TARGET, true)));
    assertThat(result).isInstanceOf(EventsResult.Rejected.class);
    assertThat(((EventsResult.Rejected) result).code()).isEqualTo("EVENT_ID_REUSED");
    assertThat(events(db, "e-1")).isEqualTo(1);
    assertThat(assignment(db, ROLLOUT, "e-1")).containsEntry("download_ms", null);
  }

  @Test
  void outOfOrderBatchStoresNothing() {
    EventsResult result =
        recorder.record(
            "e-1",
            List.of(
                new DeviceEvent.DownloadStarted(header("a"), TARGET, false),
                new DeviceEvent.Health(header("b"), true, TARGET)));
    assertThat(((EventsResult.Rejected) result).code()).isEqualTo("EVENT_OUT_OF_ORDER");
    assertThat(events(db, "e-1")).isZero();
    assertThat(assignment(db, ROLLOUT, "e-1"))
        .containsEntry("outcome", "PENDING")
        .containsEntry("attempts", 0);
  }

  @Test
  void silentFallbackFails() {
    EventsResult result =
        recorder.record(
            "e-1",
            List.of(
                new DeviceEvent.DownloadStarted(header("a"), TARGET, true),
                new DeviceEvent.Installed(header("b"), 70),
                new DeviceEvent.Rebooted(header("c"), OLD)));
    assertThat(result).isEqualTo(new EventsResult.Recorded(3, 0));
    assertThat(assignment(db, ROLLOUT, "e-1"))
        .containsEntry("outcome", "FAILED")
        .containsEntry("last_error_code", "SILENT_FALLBACK")
        .containsEntry("used_delta", true)
        .containsEntry("install_ms", 70L);
    assertThat(assignment(db, ROLLOUT, "e-1").get("finished_at")).isNotNull();
  }

  @Test
  void eventsForARolloutWithoutAssignmentAreRefused() {
    EventsResult result =
        recorder.record(
            "e-1",
            List.of(
                new DeviceEvent.Verified(
                    new Header("x", "rollout-other", Instant.parse("2026-11-28T02:00:00Z")))));
    assertThat(((EventsResult.Rejected) result).code()).isEqualTo("NO_ASSIGNMENT");
  }

  @Test
  void concurrentBatchesOfOneDeviceSerialise() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Callable<EventsResult>> batches = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        String id = "start-" + i;
        batches.add(
            () ->
                recorder.record(
                    "e-1", List.of(new DeviceEvent.DownloadStarted(header(id), TARGET, false))));
      }
      for (Future<EventsResult> result : pool.invokeAll(batches)) {
        assertThat(result.get()).isEqualTo(new EventsResult.Recorded(1, 0));
      }
    } finally {
      pool.shutdown();
    }
    // one attempt: the first start moved it to IN_PROGRESS, the others found it there
    assertThat(assignment(db, ROLLOUT, "e-1")).containsEntry("attempts", 1);
    assertThat(events(db, "e-1")).isEqualTo(8);
  }
}
