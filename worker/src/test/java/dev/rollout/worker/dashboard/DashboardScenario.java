package dev.rollout.worker.dashboard;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rollout.activities.rollout.RolloutActivitiesImpl;
import dev.rollout.activities.store.Jdbc;
import dev.rollout.activities.testing.Fleet;
import dev.rollout.activities.testing.FleetSpec;
import dev.rollout.activities.testing.Outcomes;
import dev.rollout.activities.testing.Releases;
import dev.rollout.workflows.rollout.MeasureRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import java.time.Duration;
import java.time.Instant;
import javax.sql.DataSource;

/**
 * A rollout running on the shared engine with simulated devices, on hardware models of its own (so
 * other tests' devices stay out of it): its canary passed, and in its second phase, which soaks for
 * an hour, 40 devices succeeded, 6 failed with {@code INSTALL_FAILED} (2 of them out of attempts,
 * so quarantined into the support queue), 5 deferred on low battery and the rest wait. 30 more
 * devices already run the release. The rollout stays RUNNING for the test.
 */
final class DashboardScenario {

  static final int DEVICES = 100;

  private DashboardScenario() {}

  /**
   * @param name the plan name (the rollout is {@code rollout-<name>}); also the id prefix of its
   *     devices and of its hardware models
   * @return the rollout (workflow) id
   */
  static String start(WorkflowClient client, DataSource db, String name, String release)
      throws Exception {
    String[] models = {name + "-a", name + "-b"};
    Releases.register(db, release, models);
    Fleet.seed(db, FleetSpec.of(DEVICES).withIdPrefix(name + "-").withHardwareModels(models));
    Fleet.seed(
        db,
        FleetSpec.of(30)
            .withIdPrefix(name + "-current-")
            .withHardwareModels(models)
            .withVersion(release));
    String rolloutId = "rollout-" + name;
    client
        .newUntypedWorkflowStub(
            "Rollout",
            WorkflowOptions.newBuilder().setWorkflowId(rolloutId).setTaskQueue("rollouts").build())
        .start(new ObjectMapper().readTree(input(name, release, models)));

    awaitAssigned(db, rolloutId, 0);
    Outcomes.complete(db, rolloutId, 0, DEVICES, 0);
    awaitAssigned(db, rolloutId, 1);
    Outcomes.complete(db, rolloutId, 1, 40, 6);
    Outcomes.defer(db, rolloutId, 1, 5, "LOW_BATTERY");
    quarantineTwoFailed(db, rolloutId);
    return rolloutId;
  }

  /** Two failed devices used up their attempts; the store's housekeeping quarantines them. */
  private static void quarantineTwoFailed(DataSource db, String rolloutId) {
    Jdbc.inTransaction(
        db,
        c ->
            Jdbc.update(
                c,
                "UPDATE assignments SET attempts = 3, last_error_detail = 'flash write failed'"
                    + " WHERE rollout_id = ? AND device_id IN (SELECT device_id FROM assignments"
                    + " WHERE rollout_id = ? AND outcome = 'FAILED' ORDER BY device_id LIMIT 2)",
                rolloutId,
                rolloutId));
    new RolloutActivitiesImpl(db).measure(new MeasureRequest(rolloutId, 1, false, Instant.now()));
  }

  private static void awaitAssigned(DataSource db, String rolloutId, int phase) {
    await()
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofMillis(200))
        .until(
            () ->
                Jdbc.inTransaction(
                        db,
                        c ->
                            Jdbc.queryLong(
                                c,
                                "SELECT count(*) FROM assignments WHERE rollout_id = ? AND phase = ?",
                                rolloutId,
                                phase))
                    > 0);
  }

  private static String input(String name, String release, String[] models) {
    return """
        {"requestedBy": "dashboard-test", "plan": {
          "apiVersion": "rollout/v1", "name": "%s", "release": "%s",
          "target": {"hardwareModels": ["%s", "%s"]},
          "window": {"closesAfter": "3h"},
          "rollback": {"auto": true, "failureRate": 0.5, "minDevices": 50},
          "phases": [
            {"name": "canary", "cohort": {"percent": 20}, "soak": "1s",
             "gate": {"minDevices": 1, "successRate": 0.5}},
            {"name": "everyone", "cohort": {"percent": 100}, "soak": "1h",
             "gate": {"minDevices": 1000, "successRate": 0.5, "maxFailureRate": 0.9}}]}}
        """
        .formatted(name, release, models[0], models[1]);
  }
}
