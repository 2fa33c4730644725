package dev.rollout.workflows.rollout;

import com.fasterxml.jackson.databind.JsonNode;
import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.UpdateMethod;
import io.temporal.workflow.UpdateValidatorMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * The Temporal contract of a rollout (DESIGN.md §3). Inputs are taken as JSON trees and read
 * leniently by the workflow itself: an extra or mistyped field sent by the Temporal UI or another
 * SDK becomes a clear, recorded problem instead of a workflow task that fails in a loop.
 */
@WorkflowInterface
public interface RolloutWorkflow {

  String TYPE = "Rollout";
  String TASK_QUEUE = "rollouts";

  /**
   * @param input {@code {"plan": {...}, "requestedBy": "alice"}} or {@code {"planName": "...",
   *     "requestedBy": "alice"}}
   * @param continuation absent when an operator or service starts a rollout; the state carried over
   *     when a rollout continues as new
   */
  @WorkflowMethod(name = TYPE)
  RolloutStatus run(JsonNode input, Continuation continuation);

  @SignalMethod(
      name = "pause",
      description = "Stop new offers at once. Optional {\"reason\": \"...\", \"by\": \"...\"}.")
  void pause(JsonNode request);

  @SignalMethod(
      name = "resume",
      description = "Continue a paused rollout where it stopped. Optional {\"reason\", \"by\"}.")
  void resume(JsonNode request);

  @SignalMethod(
      name = "abort",
      description =
          "Stop for good; updated devices stay as they are. Optional {\"reason\", \"by\"}.")
  void abort(JsonNode request);

  @SignalMethod(
      name = "rollback",
      description =
          "Cancel pending offers and offer every updated device its previous version, phase by phase in"
              + " reverse order. Optional {\"reason\", \"by\"}.")
  void rollback(JsonNode request);

  @SignalMethod(
      name = "approve",
      description =
          "Approve a phase waiting for manual approval: {\"phase\": \"quarter\", \"by\": \"...\","
              + " \"comment\": \"...\"}.")
  void approve(JsonNode request);

  @UpdateMethod(
      name = "control",
      description =
          "{\"action\": \"pause|resume|abort|rollback|approve\", \"reason\", \"by\", \"phase\"}; returns the"
              + " status after the action. Rejected when the action does not apply.")
  RolloutStatus control(JsonNode request);

  @UpdateValidatorMethod(updateName = "control")
  void validateControl(JsonNode request);

  @QueryMethod(
      name = "status",
      description =
          "The rollout's state, phases with their counts and gate verdicts, pause, audit trail.")
  RolloutStatus status();
}
