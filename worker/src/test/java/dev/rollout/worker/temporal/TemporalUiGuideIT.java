package dev.rollout.worker.temporal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rollout.activities.testing.Fleet;
import dev.rollout.activities.testing.FleetSpec;
import dev.rollout.activities.testing.Releases;
import dev.rollout.worker.EngineTest;
import dev.rollout.workflows.rollout.RolloutState;
import dev.rollout.workflows.rollout.RolloutStatus;
import io.temporal.api.sdk.v1.WorkflowMetadata;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.common.SearchAttributeKey;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Does what the README's "For the operator with only the Temporal UI" section says, through a
 * Temporal client of its own (as the UI is one), with the input taken from the README itself: start
 * by type, task queue and JSON input; watch with the status query and current details; pause and
 * resume by signal; find the rollout's search attributes.
 */
class TemporalUiGuideIT extends EngineTest {

  private static final String MARKER = "<!-- temporal-ui-input -->";

  private WorkflowServiceStubs service;

  @AfterEach
  void disconnect() {
    if (service != null) {
      service.shutdownNow();
    }
  }

  @Test
  void theReadmesTemporalUiStepsWork() throws Exception {
    Releases.register(dataSource, "2.5.0", "th-300");
    Fleet.seed(
        dataSource, FleetSpec.of(200).withIdPrefix("ui-guide-").withHardwareModels("th-300"));
    service =
        WorkflowServiceStubs.newServiceStubs(
            WorkflowServiceStubsOptions.newBuilder()
                .setTarget("127.0.0.1:" + TEMPORAL_PORT)
                .build());
    WorkflowStub rollout =
        WorkflowClient.newInstance(service)
            .newUntypedWorkflowStub(
                "Rollout",
                WorkflowOptions.newBuilder()
                    .setWorkflowId("rollout-ui-canary")
                    .setTaskQueue("rollouts")
                    .build());

    rollout.start(readmeInput());

    RolloutStatus running =
        await(rollout, s -> !s.phases().isEmpty() && s.phases().get(0).assigned() == 20);
    assertThat(running.state()).isEqualTo(RolloutState.RUNNING);
    assertThat(currentDetails(rollout)).contains("canary", "RUNNING");

    rollout.signal("pause", Map.of("reason", "checking the canary", "by", "alice"));
    RolloutStatus paused = await(rollout, s -> s.state() == RolloutState.PAUSED);
    assertThat(paused.pause().reason()).isEqualTo("checking the canary");
    awaitSearchAttribute(rollout, "RolloutState", "PAUSED");
    assertThat(searchAttribute(rollout, "RolloutRelease")).isEqualTo("2.5.0");

    rollout.signal("resume", Map.of("reason", "looks fine", "by", "alice"));
    await(rollout, s -> s.state() == RolloutState.RUNNING);
    rollout.signal("resume", Map.of("by", "alice"));
    RolloutStatus ignored =
        await(rollout, s -> s.audit().stream().anyMatch(e -> e.event().equals("IGNORED_RESUME")));
    assertThat(ignored.state()).isEqualTo(RolloutState.RUNNING);

    rollout.signal("abort", Map.of("reason", "test over", "by", "alice"));
    assertThat(rollout.getResult(RolloutStatus.class).state()).isEqualTo(RolloutState.ABORTED);
  }

  private static JsonNode readmeInput() throws Exception {
    String readme = Files.readString(Path.of("..", "README.md"));
    int marker = readme.indexOf(MARKER);
    assertThat(marker).as("the README's Temporal UI input marker").isPositive();
    int start = readme.indexOf("```json", marker) + "```json".length();
    String json = readme.substring(start, readme.indexOf("```", start));
    return new ObjectMapper().readTree(json);
  }

  private static RolloutStatus await(WorkflowStub rollout, Predicate<RolloutStatus> condition)
      throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (true) {
      RolloutStatus status = rollout.query("status", RolloutStatus.class);
      if (condition.test(status)) {
        return status;
      }
      assertThat(System.nanoTime())
          .as("waiting on %s %s", status.state(), status.audit())
          .isLessThan(deadline);
      Thread.sleep(100);
    }
  }

  private static String currentDetails(WorkflowStub rollout) {
    // what the UI shows as "current details"
    return rollout
        .query("__temporal_workflow_metadata", WorkflowMetadata.class)
        .getCurrentDetails();
  }

  // the workflow upserts its search attributes right after the state changes
  private static void awaitSearchAttribute(WorkflowStub rollout, String name, String value)
      throws InterruptedException {
    for (int i = 0; i < 100 && !value.equals(searchAttribute(rollout, name)); i++) {
      Thread.sleep(100);
    }
    assertThat(searchAttribute(rollout, name)).isEqualTo(value);
  }

  private static String searchAttribute(WorkflowStub rollout, String name) {
    return rollout.describe().getTypedSearchAttributes().get(SearchAttributeKey.forKeyword(name));
  }
}
