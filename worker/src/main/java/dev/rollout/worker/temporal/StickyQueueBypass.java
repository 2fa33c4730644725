package dev.rollout.worker.temporal;

import io.grpc.ForwardingServerCallListener.SimpleForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.temporal.api.workflowservice.v1.RespondWorkflowTaskCompletedRequest;
import io.temporal.api.workflowservice.v1.WorkflowServiceGrpc;

/**
 * A server-side interceptor of the embedded Temporal server that removes the sticky attributes a
 * worker sends when it completes a workflow task.
 *
 * <p>Why: with sticky execution the server sends a workflow's next task to the worker that holds it
 * in its cache (a per-worker "sticky" queue) and, on a real cluster, falls back to the normal queue
 * after the sticky schedule-to-start timeout. The Java test server has no such fallback: after the
 * worker dies (SIGKILL or even a graceful stop) the workflow's tasks stay on a queue nobody polls
 * and the rollout is stuck forever. No worker option of SDK 1.38 turns stickiness off. Without the
 * attributes every workflow task goes to the normal task queue, so any replacement worker takes
 * over; the price is a history replay per workflow task, which the small histories of rollouts make
 * cheap. Production clusters do not need this and never see it.
 */
final class StickyQueueBypass implements ServerInterceptor {

  private static final String RESPOND_COMPLETED =
      WorkflowServiceGrpc.getRespondWorkflowTaskCompletedMethod().getFullMethodName();

  @Override
  public <Q, R> ServerCall.Listener<Q> interceptCall(
      ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
    ServerCall.Listener<Q> listener = next.startCall(call, headers);
    if (!RESPOND_COMPLETED.equals(call.getMethodDescriptor().getFullMethodName())) {
      return listener;
    }
    return new SimpleForwardingServerCallListener<>(listener) {
      @Override
      public void onMessage(Q message) {
        super.onMessage(withoutStickyAttributes(message));
      }
    };
  }

  @SuppressWarnings("unchecked") // the method check above makes Q a RespondWorkflowTaskCompleted
  static <Q> Q withoutStickyAttributes(Q message) {
    if (message instanceof RespondWorkflowTaskCompletedRequest request
        && request.hasStickyAttributes()) {
      return (Q) request.toBuilder().clearStickyAttributes().build();
    }
    return message;
  }
}
