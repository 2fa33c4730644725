package dev.rollout.worker.dashboard;

import dev.rollout.workflows.rollout.RolloutStatus;
import dev.rollout.workflows.rollout.RolloutWorkflow;
import io.temporal.client.WorkflowClient;
import java.time.Duration;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks the rollouts' workflows for their {@code status}, in parallel and within a deadline, so a
 * slow or missing workflow (history deleted, another namespace, a worker down) only costs its own
 * entry: the dashboard then shows the store's rows. A final status never changes, so it is kept (a
 * bounded number of them) and a finished rollout's history is replayed once, not every refresh.
 */
final class WorkflowStatuses implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(WorkflowStatuses.class);
  private static final int KEPT_FINAL = 256;

  private final WorkflowClient client;
  private final ExecutorService executor;
  private final Duration timeout;
  private final Map<String, RolloutStatus> finals =
      Collections.synchronizedMap(
          new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, RolloutStatus> eldest) {
              return size() > KEPT_FINAL;
            }
          });

  WorkflowStatuses(WorkflowClient client, Duration timeout) {
    this.client = client;
    this.timeout = timeout;
    // a few threads: a refresh asks for at most rollout.dashboard.rollouts statuses
    this.executor =
        Executors.newFixedThreadPool(
            4,
            runnable -> {
              Thread thread = new Thread(runnable, "dashboard-status-query");
              thread.setDaemon(true);
              return thread;
            });
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }

  /** The status of each rollout whose workflow answered in time, by rollout (workflow) id. */
  Map<String, RolloutStatus> of(List<String> rolloutIds) {
    Map<String, CompletableFuture<RolloutStatus>> asked = new LinkedHashMap<>();
    Map<String, RolloutStatus> statuses = new HashMap<>();
    for (String id : rolloutIds) {
      RolloutStatus known = finals.get(id);
      if (known != null) {
        statuses.put(id, known);
      } else {
        asked.put(id, CompletableFuture.supplyAsync(() -> query(id), executor));
      }
    }
    long deadline = System.nanoTime() + timeout.toNanos();
    asked.forEach((id, answer) -> collect(id, answer, deadline, statuses));
    return statuses;
  }

  private RolloutStatus query(String rolloutId) {
    return client.newWorkflowStub(RolloutWorkflow.class, rolloutId).status();
  }

  private void collect(
      String id,
      CompletableFuture<RolloutStatus> answer,
      long deadline,
      Map<String, RolloutStatus> statuses) {
    try {
      RolloutStatus status =
          answer.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      statuses.put(id, status);
      if (status.state() != null && status.state().isFinal()) {
        finals.put(id, status);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      answer.cancel(true);
      log.debug("status query of {} failed, showing the store's rows: {}", id, e.toString());
    }
  }
}
