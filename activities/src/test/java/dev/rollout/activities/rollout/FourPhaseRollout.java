package dev.rollout.activities.rollout;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rollout.activities.store.Jdbc;
import dev.rollout.activities.testing.Fleet;
import dev.rollout.activities.testing.FleetSpec;
import dev.rollout.activities.testing.Releases;
import dev.rollout.activities.testing.TestDatabase;
import dev.rollout.workflows.rollout.RolloutState;
import dev.rollout.workflows.rollout.RolloutStatus;
import dev.rollout.workflows.rollout.RolloutTuning;
import dev.rollout.workflows.rollout.RolloutWorkflow;
import dev.rollout.workflows.rollout.RolloutWorkflowImpl;
import io.temporal.api.history.v1.History;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import javax.sql.DataSource;

/**
 * The rollout whose history {@link HistoryBoundIT} bounds and {@code HistoryBench} measures: four
 * phases with 24 h soaks, waves and gates over a seeded fleet, devices answering at once through
 * the real store ({@link SimulatedFleet}), on the time-skipping test server.
 */
final class FourPhaseRollout {

  /**
   * @param assigned assignments the rollout made
   * @param seconds wall time of the rollout (time skipped), seeding excluded
   */
  record Run(RolloutState state, long assigned, History history, double seconds) {}

  private FourPhaseRollout() {}

  /** A fresh store with this many devices (every tenth tagged) and release 2.4.0. */
  static DataSource seed(int devices) {
    DataSource db = TestDatabase.dataSource();
    TestDatabase.reset();
    Releases.register(db, "2.4.0", "th-100", "th-200");
    Fleet.seed(db, FleetSpec.of(devices).withTagEvery(10, 5));
    Jdbc.inTransaction(db, c -> Jdbc.update(c, "ANALYZE devices"));
    return db;
  }

  static Run run(DataSource db) throws Exception {
    ObjectNode plan = RolloutWorkflowIT.plan();
    for (int i = 0; i < 4; i++) {
      RolloutWorkflowIT.phase(plan, i).put("soak", "24h");
    }
    plan.putObject("window").put("closesAfter", "14d");
    ObjectNode input = RolloutWorkflowIT.JSON.createObjectNode();
    input.set("plan", plan);
    try (TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance()) {
      Worker worker = env.newWorker(RolloutWorkflow.TASK_QUEUE);
      RolloutWorkflowImpl.register(worker, RolloutTuning.DEFAULT);
      worker.registerActivitiesImplementations(
          new SimulatedFleet(new RolloutActivitiesImpl(db), db),
          new RolloutWorkflowIT.NoSearchAttributes());
      env.start();
      WorkflowClient client = env.getWorkflowClient();
      WorkflowStub rollout =
          client.newUntypedWorkflowStub(
              RolloutWorkflow.TYPE,
              WorkflowOptions.newBuilder()
                  .setWorkflowId(RolloutWorkflowIT.ID)
                  .setTaskQueue(RolloutWorkflow.TASK_QUEUE)
                  .build());
      long start = System.nanoTime();
      rollout.start(input);
      RolloutState state = rollout.getResult(RolloutStatus.class).state();
      double seconds = (System.nanoTime() - start) / 1e9;
      long assigned =
          Jdbc.inTransaction(
              db,
              c ->
                  Jdbc.queryLong(
                      c,
                      "SELECT count(*) FROM assignments WHERE rollout_id = ?",
                      RolloutWorkflowIT.ID));
      return new Run(
          state, assigned, client.fetchHistory(RolloutWorkflowIT.ID).getHistory(), seconds);
    }
  }
}
