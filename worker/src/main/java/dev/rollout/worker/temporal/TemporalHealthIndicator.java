package dev.rollout.worker.temporal;

import io.grpc.StatusRuntimeException;
import io.temporal.api.workflowservice.v1.GetSystemInfoRequest;
import io.temporal.serviceclient.WorkflowServiceStubs;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

/** {@code /actuator/health} component {@code temporal}: the frontend answers over gRPC. */
final class TemporalHealthIndicator implements HealthIndicator {

  private final WorkflowServiceStubs stubs;
  private final String target;

  TemporalHealthIndicator(WorkflowServiceStubs stubs, String target) {
    this.stubs = stubs;
    this.target = target;
  }

  @Override
  public Health health() {
    try {
      stubs
          .blockingStub()
          .withDeadlineAfter(2, TimeUnit.SECONDS)
          .getSystemInfo(GetSystemInfoRequest.getDefaultInstance());
      return Health.up().withDetail("target", target).build();
    } catch (StatusRuntimeException e) {
      return Health.down()
          .withDetail("target", target)
          .withDetail("error", TemporalConnections.describe(e))
          .build();
    }
  }
}
