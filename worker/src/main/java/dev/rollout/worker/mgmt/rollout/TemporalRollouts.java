package dev.rollout.worker.mgmt.rollout;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rollout.worker.config.RolloutProperties;
import dev.rollout.worker.web.ApiException;
import dev.rollout.workflows.rollout.RolloutWorkflow;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.client.WorkflowUpdateException;
import io.temporal.failure.ApplicationFailure;
import java.util.Locale;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The mgmt API's side of the Temporal contract (DESIGN.md §3): start {@code Rollout}, query {@code
 * status}, send the {@code control} update. Temporal's answers become API errors with stable codes.
 */
@Component
class TemporalRollouts {

  private final WorkflowClient client;
  private final String taskQueue;

  TemporalRollouts(WorkflowClient client, RolloutProperties properties) {
    this.client = client;
    this.taskQueue = properties.taskQueue();
  }

  /** The workflow's status, when such a workflow exists (running or ended). */
  Optional<WorkflowExecutionStatus> describe(String workflowId) {
    try {
      return Optional.of(client.newUntypedWorkflowStub(workflowId).describe().getStatus());
    } catch (RuntimeException e) {
      if (notFound(e)) {
        return Optional.empty();
      }
      throw e;
    }
  }

  void start(String workflowId, JsonNode input) {
    WorkflowStub stub =
        client.newUntypedWorkflowStub(
            RolloutWorkflow.TYPE,
            WorkflowOptions.newBuilder().setWorkflowId(workflowId).setTaskQueue(taskQueue).build());
    try {
      stub.start(input);
    } catch (WorkflowExecutionAlreadyStarted e) {
      throw exists(workflowId);
    }
  }

  JsonNode status(String workflowId) {
    return client.newUntypedWorkflowStub(workflowId).query("status", JsonNode.class);
  }

  /** Sends the update; a rejection by the workflow's validator is a 409 with its reason. */
  JsonNode control(String workflowId, ObjectNode request) {
    try {
      return client.newUntypedWorkflowStub(workflowId).update("control", JsonNode.class, request);
    } catch (WorkflowUpdateException e) {
      throw notApplicable(reason(e));
    }
  }

  static boolean running(WorkflowExecutionStatus status) {
    return status == WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING;
  }

  static ApiException exists(String workflowId) {
    return new ApiException(
        HttpStatus.CONFLICT,
        "ROLLOUT_EXISTS",
        "rollout " + workflowId + " is running; abort it or wait for it to end");
  }

  static ApiException notApplicable(String why) {
    return new ApiException(HttpStatus.CONFLICT, "ACTION_NOT_APPLICABLE", why);
  }

  static String describe(WorkflowExecutionStatus status) {
    return status.name().replace("WORKFLOW_EXECUTION_STATUS_", "").toLowerCase(Locale.ROOT);
  }

  /** The validator's own message, without Temporal's wrapping. */
  private static String reason(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ApplicationFailure failure) {
        return failure.getOriginalMessage();
      }
    }
    Throwable root = e;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    return root.getMessage();
  }

  private static boolean notFound(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof WorkflowNotFoundException) {
        return true;
      }
      if (t instanceof StatusRuntimeException status
          && status.getStatus().getCode() == Status.Code.NOT_FOUND) {
        return true;
      }
    }
    return false;
  }
}
