package dev.rollout.worker.temporal;

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
          SearchAttributeKey.forKeyword(RolloutSearchAttributes.STATE).valueSet("RUNNING"),
          SearchAttributeKey.forKeyword(RolloutSearchAttributes.PHASE).valueSet("internal"),
          SearchAttributeKey.forKeyword(RolloutSearchAttributes.RELEASE).valueSet("2.4.0"));
      Workflow.sleep(Duration.ofMillis(sleepMillis));
      return "done";
    }
  }
}
