package dev.rollout.worker.temporal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rollout.worker.FreePorts;
import dev.rollout.worker.config.StartupException;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.workflowservice.v1.DescribeNamespaceRequest;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import io.temporal.api.workflowservice.v1.GetWorkflowExecutionHistoryRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.serviceclient.OperatorServiceStubs;
import io.temporal.serviceclient.OperatorServiceStubsOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.worker.WorkerFactory;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class EmbeddedTemporalServerIT {

  private static final String QUEUE = "probe";

  private static EmbeddedTemporalServer server;
  private static WorkflowServiceStubs stubs;

  @BeforeAll
  static void start() {
    server = EmbeddedTemporalServer.start("127.0.0.1", FreePorts.find());
    stubs =
        WorkflowServiceStubs.newServiceStubs(
            WorkflowServiceStubsOptions.newBuilder().setTarget(server.target()).build());
    OperatorServiceStubs operator =
        OperatorServiceStubs.newServiceStubs(
            OperatorServiceStubsOptions.newBuilder()
                .setChannel(stubs.getRawChannel())
                .validateAndBuildWithDefaults());
    RolloutSearchAttributes.register(operator, "default", true);
  }

  @AfterAll
  static void stop() {
    stubs.shutdownNow();
    server.close();
  }

  @Test
  void anyClientConnectsOverTheNetworkAndDescribesTheDefaultNamespace() {
    var namespace =
        stubs
            .blockingStub()
            .describeNamespace(
                DescribeNamespaceRequest.newBuilder().setNamespace("default").build());

    assertThat(server.target()).startsWith("127.0.0.1:");
    assertThat(namespace.getNamespaceInfo().getName()).isEqualTo("default");
  }

  @Test
  void rolloutSearchAttributesCanBeUpserted() {
    WorkflowClient client = WorkflowClient.newInstance(stubs);
    WorkerFactory factory = worker(client);
    try {
      ProbeWorkflow probe = client.newWorkflowStub(ProbeWorkflow.class, options("upsert"));
      assertThat(probe.run(10)).isEqualTo("done");

      var attributes =
          stubs
              .blockingStub()
              .describeWorkflowExecution(
                  DescribeWorkflowExecutionRequest.newBuilder()
                      .setNamespace("default")
                      .setExecution(WorkflowExecution.newBuilder().setWorkflowId("upsert"))
                      .build())
              .getWorkflowExecutionInfo()
              .getSearchAttributes()
              .getIndexedFieldsMap();
      assertThat(attributes).containsKeys("RolloutState", "RolloutPhase", "RolloutRelease");
    } finally {
      factory.shutdownNow();
    }
  }

  /**
   * What the worker-crash tests of issue 6 rely on: the sticky queue must not strand a workflow.
   */
  @Test
  void aReplacementWorkerTakesOverAWorkflowWhoseWorkerDied() throws Exception {
    WorkflowClient first = WorkflowClient.newInstance(stubs);
    WorkerFactory dying = worker(first);
    WorkflowStub started = first.newUntypedWorkflowStub("ProbeWorkflow", options("takeover"));
    started.start(1500);
    awaitTimerStarted("takeover");
    dying.shutdownNow();
    dying.awaitTermination(10, TimeUnit.SECONDS);

    WorkflowClient second = WorkflowClient.newInstance(stubs);
    WorkerFactory replacement = worker(second);
    try {
      String result =
          second.newUntypedWorkflowStub("takeover").getResult(20, TimeUnit.SECONDS, String.class);
      assertThat(result).isEqualTo("done");
    } finally {
      replacement.shutdownNow();
    }
  }

  @Test
  void aTakenPortFailsWithOneLineNamingTheProperty() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      assertThatThrownBy(() -> EmbeddedTemporalServer.start("127.0.0.1", taken.getLocalPort()))
          .isInstanceOf(StartupException.class)
          .hasMessageStartingWith(
              "Cannot start the embedded Temporal server on 127.0.0.1:" + taken.getLocalPort())
          .hasMessageContaining("rollout.temporal.embedded.port")
          .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }
  }

  private static WorkerFactory worker(WorkflowClient client) {
    WorkerFactory factory = WorkerFactory.newInstance(client);
    factory.newWorker(QUEUE).registerWorkflowImplementationTypes(ProbeWorkflow.Impl.class);
    factory.start();
    return factory;
  }

  private static WorkflowOptions options(String id) {
    return WorkflowOptions.newBuilder().setWorkflowId(id).setTaskQueue(QUEUE).build();
  }

  private static void awaitTimerStarted(String workflowId) throws InterruptedException {
    var request =
        GetWorkflowExecutionHistoryRequest.newBuilder()
            .setNamespace("default")
            .setExecution(WorkflowExecution.newBuilder().setWorkflowId(workflowId))
            .build();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (System.nanoTime() < deadline) {
      boolean timerStarted =
          stubs
              .blockingStub()
              .getWorkflowExecutionHistory(request)
              .getHistory()
              .getEventsList()
              .stream()
              .anyMatch(e -> e.getEventType() == EventType.EVENT_TYPE_TIMER_STARTED);
      if (timerStarted) {
        return;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("the first worker never started the timer");
  }
}
