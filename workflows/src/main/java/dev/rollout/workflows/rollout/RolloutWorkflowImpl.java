package dev.rollout.workflows.rollout;

import com.fasterxml.jackson.databind.JsonNode;

/** The Rollout workflow: a deterministic interpreter of a plan. (Being written.) */
public class RolloutWorkflowImpl implements RolloutWorkflow {

  @Override
  public RolloutStatus run(JsonNode input) {
    throw new UnsupportedOperationException("TODO");
  }

  @Override
  public void pause(JsonNode request) {}

  @Override
  public void resume(JsonNode request) {}

  @Override
  public void abort(JsonNode request) {}

  @Override
  public void rollback(JsonNode request) {}

  @Override
  public void approve(JsonNode request) {}

  @Override
  public RolloutStatus control(JsonNode request) {
    throw new UnsupportedOperationException("TODO");
  }

  @Override
  public void validateControl(JsonNode request) {}

  @Override
  public RolloutStatus status() {
    throw new UnsupportedOperationException("TODO");
  }
}
