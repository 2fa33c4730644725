package dev.rollout.worker.temporal;

import io.temporal.worker.WorkerFactory;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Starts polling once every bean is ready (so no task runs against a half-built context) and stops
 * it gracefully: in-flight tasks finish within the timeout, then the rest is cancelled and retried
 * by Temporal elsewhere. Runs in an earlier phase than the web server, so it starts before the
 * health endpoint answers and stops after it.
 */
final class WorkerLifecycle implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(WorkerLifecycle.class);

  private final WorkerFactory factory;
  private final String taskQueue;
  private final Duration shutdownTimeout;
  private volatile boolean running;

  WorkerLifecycle(WorkerFactory factory, String taskQueue, Duration shutdownTimeout) {
    this.factory = factory;
    this.taskQueue = taskQueue;
    this.shutdownTimeout = shutdownTimeout;
  }

  @Override
  public void start() {
    factory.start();
    running = true;
    log.info(
        "Temporal worker polling task queue {} in namespace {}",
        taskQueue,
        factory.getWorkflowClient().getOptions().getNamespace());
  }

  @Override
  public void stop() {
    factory.shutdown();
    factory.awaitTermination(shutdownTimeout.toMillis(), TimeUnit.MILLISECONDS);
    if (!factory.isTerminated()) {
      log.warn("Temporal worker did not stop within {}; cancelling its tasks", shutdownTimeout);
      factory.shutdownNow();
    }
    running = false;
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  @Override
  public int getPhase() {
    return DEFAULT_PHASE - 4096;
  }
}
