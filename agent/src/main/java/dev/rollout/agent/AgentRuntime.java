package dev.rollout.agent;

import static java.util.Objects.requireNonNull;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Drives agents as state machines: one timer thread holds every agent's next wake-up, a bounded
 * pool runs the steps (which block on HTTP). Java 17 has no virtual threads, and a platform thread
 * per simulated device would cost 10,000 stacks.
 */
public final class AgentRuntime implements AutoCloseable {

  private static final System.Logger LOG = System.getLogger(AgentRuntime.class.getName());

  private final AgentClock clock;
  private final ScheduledExecutorService timer;
  private final ExecutorService workers;
  private volatile boolean closed;

  public AgentRuntime(AgentClock clock, int workerThreads) {
    this.clock = requireNonNull(clock, "clock");
    if (workerThreads < 1) {
      throw new IllegalArgumentException("workerThreads must be at least 1");
    }
    this.timer = Executors.newSingleThreadScheduledExecutor(daemons("agent-timer"));
    this.workers = Executors.newFixedThreadPool(workerThreads, daemons("agent-worker"));
  }

  /** Runs the agent's first step after {@code delay} (agent clock time), and so on until closed. */
  public void start(Agent agent, Duration delay) {
    schedule(requireNonNull(agent, "agent"), delay);
  }

  private void schedule(Agent agent, Duration delay) {
    if (closed) {
      return;
    }
    long realMillis = (long) (delay.toMillis() / clock.speed());
    try {
      timer.schedule(() -> workers.execute(() -> run(agent)), realMillis, TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException e) {
      // closing
    }
  }

  private void run(Agent agent) {
    Duration next;
    try {
      next = agent.step();
    } catch (RuntimeException e) {
      LOG.log(Level.ERROR, "agent step failed", e);
      next = Duration.ofMinutes(1);
    }
    schedule(agent, next);
  }

  @Override
  public void close() {
    closed = true;
    timer.shutdownNow();
    workers.shutdownNow();
    try {
      workers.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static ThreadFactory daemons(String name) {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
