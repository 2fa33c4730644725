package dev.rollout.workflows.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import io.temporal.client.WorkflowClient;
import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.WorkflowReplayer;
import io.temporal.worker.Worker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Replays recorded histories of released behaviour against today's workflow code: a change that is
 * not deterministic (not guarded by {@code Workflow.getVersion}) fails the build here, before it
 * can wedge a running rollout. Record anew with {@code ./mvnw -pl workflows test
 * -Drecord.histories=true} only when adding scenarios, never to make this test pass.
 */
class ReplayTest {

  static final Path HISTORIES = Path.of("src/test/resources/histories");

  static Stream<Path> histories() throws IOException {
    return Files.list(HISTORIES).filter(p -> p.toString().endsWith(".json")).sorted();
  }

  @ParameterizedTest
  @MethodSource("histories")
  void replaysRecordedHistory(Path history) throws Exception {
    try (TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance()) {
      Worker worker = env.newWorker(RolloutWorkflow.TASK_QUEUE);
      RolloutWorkflowImpl.register(worker, RolloutTuning.DEFAULT);
      WorkflowReplayer.replayWorkflowExecution(
          WorkflowExecutionHistory.fromJson(Files.readString(history)), worker);
    }
  }

  @org.junit.jupiter.api.Test
  void hasRecordedHistories() throws IOException {
    assertThat(histories()).hasSizeGreaterThanOrEqualTo(5);
  }

  static void record(WorkflowClient client, String scenario) throws IOException {
    String json = client.fetchHistory("rollout-thermostat-2-4-0").toJson(false);
    Files.createDirectories(HISTORIES);
    Files.writeString(HISTORIES.resolve(scenario + ".json"), json);
  }
}
