package dev.rollout.worker.temporal;

import static org.assertj.core.api.Assertions.assertThat;

import io.temporal.api.taskqueue.v1.StickyExecutionAttributes;
import io.temporal.api.taskqueue.v1.TaskQueue;
import io.temporal.api.workflowservice.v1.PollWorkflowTaskQueueRequest;
import io.temporal.api.workflowservice.v1.RespondWorkflowTaskCompletedRequest;
import org.junit.jupiter.api.Test;

class StickyQueueBypassTest {

  @Test
  void removesStickyAttributesFromACompletedWorkflowTask() {
    var request =
        RespondWorkflowTaskCompletedRequest.newBuilder()
            .setNamespace("default")
            .setIdentity("worker-1")
            .setStickyAttributes(
                StickyExecutionAttributes.newBuilder()
                    .setWorkerTaskQueue(TaskQueue.newBuilder().setName("worker-1-sticky")))
            .build();

    var forwarded = StickyQueueBypass.withoutStickyAttributes(request);

    assertThat(forwarded.hasStickyAttributes()).isFalse();
    assertThat(forwarded.getIdentity()).isEqualTo("worker-1");
    assertThat(forwarded.getNamespace()).isEqualTo("default");
  }

  @Test
  void leavesOtherMessagesAlone() {
    var poll = PollWorkflowTaskQueueRequest.newBuilder().setNamespace("default").build();
    var plain = RespondWorkflowTaskCompletedRequest.newBuilder().setIdentity("w").build();

    assertThat(StickyQueueBypass.withoutStickyAttributes(poll)).isSameAs(poll);
    assertThat(StickyQueueBypass.withoutStickyAttributes(plain)).isSameAs(plain);
  }
}
