package dev.rollout.worker.temporal;

import dev.rollout.activities.rollout.RolloutActivitiesImpl;
import dev.rollout.worker.config.RolloutProperties;
import dev.rollout.worker.config.StartupException;
import dev.rollout.workflows.rollout.RolloutTuning;
import dev.rollout.workflows.rollout.RolloutWorkflowImpl;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.serviceclient.OperatorServiceStubs;
import io.temporal.serviceclient.OperatorServiceStubsOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * Plain Temporal SDK wiring, deliberately not {@code temporal-spring-boot-starter}: the starter's
 * only embedded option is a time-skipping in-process server, it cannot host our own launcher
 * (loopback bind, keepalive policy, the sticky-queue interceptor, search attributes registered at
 * every start), and it creates clients and workers implicitly, while we want to check reachability
 * with a one-line error and control when polling starts and stops.
 */
@Configuration(proxyBeanMethods = false)
class TemporalConfiguration {

  @Bean(destroyMethod = "close")
  @Conditional(EmbeddedTemporalCondition.class)
  EmbeddedTemporalServer embeddedTemporalServer(TemporalProperties properties) {
    return EmbeddedTemporalServer.start(
        properties.embedded().bindAddress(), properties.embedded().port());
  }

  @Bean(destroyMethod = "shutdown")
  WorkflowServiceStubs workflowServiceStubs(
      TemporalProperties properties, Optional<EmbeddedTemporalServer> embedded) {
    String target = embedded.map(EmbeddedTemporalServer::target).orElse(properties.address());
    return TemporalConnections.connect(properties, target);
  }

  @Bean(destroyMethod = "shutdown")
  OperatorServiceStubs operatorServiceStubs(WorkflowServiceStubs stubs) {
    // shares the workflow stubs' channel
    return OperatorServiceStubs.newServiceStubs(
        OperatorServiceStubsOptions.newBuilder()
            .setChannel(stubs.getRawChannel())
            .validateAndBuildWithDefaults());
  }

  @Bean
  RegisteredSearchAttributes registeredSearchAttributes(
      OperatorServiceStubs operator,
      TemporalProperties properties,
      Optional<EmbeddedTemporalServer> embedded) {
    try {
      boolean registered =
          RolloutSearchAttributes.register(operator, properties.namespace(), embedded.isPresent());
      return new RegisteredSearchAttributes(
          operator,
          properties.namespace(),
          registered ? Set.copyOf(RolloutSearchAttributes.KEYWORDS) : Set.of());
    } catch (RuntimeException e) {
      throw new StartupException(
          "Cannot register the rollout search attributes on the embedded Temporal server (%s)"
              .formatted(StartupException.rootMessage(e)),
          e);
    }
  }

  @Bean
  WorkflowClient workflowClient(WorkflowServiceStubs stubs, TemporalProperties properties) {
    return WorkflowClient.newInstance(
        stubs, WorkflowClientOptions.newBuilder().setNamespace(properties.namespace()).build());
  }

  /** One worker on the task queue: the Rollout workflow, the store's activities, visibility. */
  @Bean
  WorkerFactory workerFactory(
      WorkflowClient client,
      RolloutProperties rollout,
      DataSource dataSource,
      RegisteredSearchAttributes searchAttributes) {
    WorkerFactory factory = WorkerFactory.newInstance(client);
    Worker worker = factory.newWorker(rollout.taskQueue());
    RolloutWorkflowImpl.register(worker, RolloutTuning.DEFAULT);
    worker.registerActivitiesImplementations(
        new RolloutActivitiesImpl(dataSource), searchAttributes);
    return factory;
  }

  @Bean
  WorkerLifecycle workerLifecycle(WorkerFactory factory, RolloutProperties rollout) {
    return new WorkerLifecycle(factory, rollout.taskQueue(), Duration.ofSeconds(20));
  }

  @Bean
  TemporalHealthIndicator temporalHealthIndicator(WorkflowServiceStubs stubs) {
    return new TemporalHealthIndicator(stubs, stubs.getOptions().getTarget());
  }
}
