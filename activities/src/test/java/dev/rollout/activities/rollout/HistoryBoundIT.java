package dev.rollout.activities.rollout;

import static org.assertj.core.api.Assertions.assertThat;

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
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Scale is part of correctness: the workflow acts on sets of devices, so its history does not grow
 * with the fleet. A four-phase rollout over 100,000 devices in PostgreSQL stays under 2,000 history
 * events.
 */
class HistoryBoundIT {

  @Test
  void historyStaysBoundedForAHundredThousandDevices() throws Exception {
    DataSource db = TestDatabase.dataSource();
    TestDatabase.reset();
    Releases.register(db, "2.4.0", "th-100", "th-200");
    Fleet.seed(db, FleetSpec.of(100_000).withTagEvery(10, 5));
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
      rollout.start(input);

      assertThat(rollout.getResult(RolloutStatus.class).state()).isEqualTo(RolloutState.COMPLETED);
      long assigned =
          Jdbc.inTransaction(
              db,
              c ->
                  Jdbc.queryLong(
                      c,
                      "SELECT count(*) FROM assignments WHERE rollout_id = ?",
                      RolloutWorkflowIT.ID));
      assertThat(assigned).isEqualTo(100_000);
      long events = client.fetchHistory(RolloutWorkflowIT.ID).getEvents().size();
      System.out.printf("a four-phase rollout over 100,000 devices: %d history events%n", events);
      assertThat(events).isLessThan(2000);
    }
  }
}
