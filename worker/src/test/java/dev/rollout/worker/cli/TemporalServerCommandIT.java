package dev.rollout.worker.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rollout.worker.FreePorts;
import io.grpc.StatusRuntimeException;
import io.temporal.api.workflowservice.v1.DescribeNamespaceRequest;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class TemporalServerCommandIT {

  @Test
  void servesTemporalUntilStopped() throws Exception {
    int port = FreePorts.find();
    StringWriter out = new StringWriter();
    AtomicInteger status = new AtomicInteger(-1);
    Thread serving =
        new Thread(
            () -> {
              var cli = RolloutCli.commandLine().setOut(new PrintWriter(out, true));
              status.set(cli.execute("temporal-server", "--port", String.valueOf(port)));
            });
    serving.start();

    WorkflowServiceStubs client =
        WorkflowServiceStubs.newServiceStubs(
            WorkflowServiceStubsOptions.newBuilder().setTarget("127.0.0.1:" + port).build());
    try {
      assertThat(describeDefaultNamespaceWithin(client, 20_000)).isEqualTo("default");
      // the line follows the search attributes' registration, just after the port opens
      for (int i = 0; i < 100 && out.toString().isEmpty(); i++) {
        Thread.sleep(100);
      }
      assertThat(out.toString()).contains("Temporal server listening on 127.0.0.1:" + port);
    } finally {
      client.shutdownNow();
      serving.interrupt();
      serving.join(10_000);
    }
    assertThat(status.get()).isZero();
  }

  private static String describeDefaultNamespaceWithin(WorkflowServiceStubs client, long millis)
      throws InterruptedException {
    long deadline = System.currentTimeMillis() + millis;
    while (true) {
      try {
        return client
            .blockingStub()
            .describeNamespace(
                DescribeNamespaceRequest.newBuilder().setNamespace("default").build())
            .getNamespaceInfo()
            .getName();
      } catch (StatusRuntimeException e) {
        if (System.currentTimeMillis() > deadline) {
          throw e;
        }
        Thread.sleep(100);
      }
    }
  }
}
