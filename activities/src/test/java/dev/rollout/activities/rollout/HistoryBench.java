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
 * History and payload sizes of a four-phase rollout over 1,000,000 devices (issue 6), against
 * Temporal's limits: {@link HistoryBoundIT}'s rollout (24 h soaks, waves, gates; devices answer at
 * once through the real store) at the scale of a large fleet. Not part of the suite (the name
 * matches no include); {@code ./mvnw -B verify -Pbench} runs it, {@code -Dbench.devices=N} scales
 * it. Lives next to {@link SimulatedFleet}, which it needs.
 */
class HistoryBench {

  static final int DEVICES = Integer.getInteger("bench.devices", 1_000_000);

  @Test
  void historyOfAMillionDeviceRolloutStaysFarUnderTemporalsLimits() throws Exception {
    DataSource db = TestDatabase.dataSource();
    TestDatabase.reset();
    Releases.register(db, "2.4.0", "th-100", "th-200");
    long seedStart = System.nanoTime();
    Fleet.seed(db, FleetSpec.of(DEVICES).withTagEvery(10, 5));
    Jdbc.inTransaction(db, c -> Jdbc.update(c, "ANALYZE devices"));
    double seedSeconds = (System.nanoTime() - seedStart) / 1e9;
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
      double rolloutSeconds = (System.nanoTime() - start) / 1e9;

      assertThat(state).isEqualTo(RolloutState.COMPLETED);
      long assigned =
          Jdbc.inTransaction(
              db,
              c ->
                  Jdbc.queryLong(
                      c,
                      "SELECT count(*) FROM assignments WHERE rollout_id = ?",
                      RolloutWorkflowIT.ID));
      assertThat(assigned).isEqualTo(DEVICES);
      HistorySizes sizes = HistorySizes.of(client.fetchHistory(RolloutWorkflowIT.ID).getHistory());
      System.out.printf(
          "BENCH history devices=%d seed=%.1fs rollout-wall=%.1fs (time-skipping: 4 x 24h soaks)"
              + " events=%d bytes=%d largest-payload=%d (%s) largest-event-payloads=%d%n",
          DEVICES,
          seedSeconds,
          rolloutSeconds,
          sizes.events(),
          sizes.bytes(),
          sizes.largestPayload(),
          sizes.largestPayloadEvent(),
          sizes.largestEventPayloads());
      System.out.println(
          "BENCH history limits: 51,200 events, 50 MB, 2 MB per payload; " + sizes.margins());
      // far under: a tenth of each limit at most
      assertThat(sizes.events()).isLessThan(HistorySizes.MAX_EVENTS / 10);
      assertThat(sizes.bytes()).isLessThan(HistorySizes.MAX_BYTES / 10);
      assertThat(sizes.largestPayload()).isLessThan(HistorySizes.MAX_PAYLOAD / 10);
    }
  }
}
