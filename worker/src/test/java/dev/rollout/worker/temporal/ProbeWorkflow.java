package dev.rollout.worker.temporal;

import dev.rollout.workflows.rollout.VisibilityActivities;
import io.temporal.common.SearchAttributeKey;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.time.Duration;

/** A workflow that does what the Rollout workflow relies on: upserts and a durable timer. */
@WorkflowInterface
public interface ProbeWorkflow {

  @WorkflowMethod
  String run(int sleepMillis);

  class Impl implements ProbeWorkflow {
    @Override
    public String run(int sleepMillis) {
      Workflow.upsertTypedSearchAttributes(
          SearchAttributeKey.forKeyword(VisibilityActivities.ROLLOUT_STATE).valueSet("RUNNING"),
          SearchAttributeKey.forKeyword(VisibilityActivities.ROLLOUT_PHASE).valueSet("internal"),
          SearchAttributeKey.forKeyword(VisibilityActivities.ROLLOUT_RELEASE).valueSet("2.4.0"));
      Workflow.sleep(Duration.ofMillis(sleepMillis));
      return "done";
    }
  }
}
