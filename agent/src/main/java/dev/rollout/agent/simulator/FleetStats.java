package dev.rollout.agent.simulator;

import dev.rollout.agent.Action;
import dev.rollout.agent.AgentListener;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;

/** Live counters of a simulation, shared by all its agents; lock-free on the hot path. */
final class FleetStats implements AgentListener {

  private static final int MAX_MS = 10_000;

  private final LongAdder checkIns = new LongAdder();
  private final LongAdder offers = new LongAdder();
  private final LongAdder rollbackOffers = new LongAdder();
  private final LongAdder cancels = new LongAdder();
  private final LongAdder serverDeferrals = new LongAdder();
  private final LongAdder agentDeferrals = new LongAdder();
  private final LongAdder eventsSent = new LongAdder();
  private final LongAdder eventsDropped = new LongAdder();
  private final LongAdder updated = new LongAdder();
  private final LongAdder rolledBack = new LongAdder();
  private final LongAdder httpErrors = new LongAdder();
  private final LongAdder latencyNanos = new LongAdder();
  private final AtomicLongArray latencyMs = new AtomicLongArray(MAX_MS + 1);
  private final Map<String, LongAdder> failures = new ConcurrentHashMap<>();
  private final Map<Integer, LongAdder> errorsByStatus = new ConcurrentHashMap<>();
  // device id -> event ids the server answered 200 for (a few per update: small next to the fleet)
  private final Map<String, Set<String>> acknowledged = new ConcurrentHashMap<>();
  private final long startNanos = System.nanoTime();

  @Override
  public void checkedIn(Action action, long nanos, String deferredReason) {
    checkIns.increment();
    latencyNanos.add(nanos);
    latencyMs.incrementAndGet((int) Math.min(MAX_MS, nanos / 1_000_000));
    switch (action) {
      case UPDATE -> offers.increment();
      case ROLLBACK -> rollbackOffers.increment();
      case CANCEL -> cancels.increment();
      case NONE -> {
        if (deferredReason != null) {
          serverDeferrals.increment();
        }
      }
    }
  }

  @Override
  public void eventsSent(int events, int accepted) {
    eventsSent.add(events);
  }

  @Override
  public void eventsAcknowledged(String deviceId, List<String> eventIds) {
    acknowledged.computeIfAbsent(deviceId, id -> ConcurrentHashMap.newKeySet()).addAll(eventIds);
  }

  @Override
  public void eventsDropped(int events, String code) {
    eventsDropped.add(events);
  }

  @Override
  public void failed(String errorCode) {
    failures.computeIfAbsent(errorCode, code -> new LongAdder()).increment();
  }

  @Override
  public void deferred(String reason) {
    agentDeferrals.increment();
  }

  @Override
  public void switched(String version, boolean rollback) {
    (rollback ? rolledBack : updated).increment();
  }

  @Override
  public void httpError(int status) {
    httpErrors.increment();
    errorsByStatus.computeIfAbsent(status, code -> new LongAdder()).increment();
  }

  long httpErrors(int status) {
    LongAdder count = errorsByStatus.get(status);
    return count == null ? 0 : count.sum();
  }

  Map<String, Set<String>> acknowledgedEvents() {
    Map<String, Set<String>> copy = new TreeMap<>();
    acknowledged.forEach((device, ids) -> copy.put(device, Set.copyOf(ids)));
    return copy;
  }

  SimulationStats snapshot() {
    long count = checkIns.sum();
    Map<String, Long> byCode = new TreeMap<>();
    failures.forEach((code, n) -> byCode.put(code, n.sum()));
    double seconds = (System.nanoTime() - startNanos) / 1e9;
    return new SimulationStats(
        count,
        count / Math.max(seconds, 1e-3),
        offers.sum(),
        rollbackOffers.sum(),
        cancels.sum(),
        serverDeferrals.sum(),
        agentDeferrals.sum(),
        eventsSent.sum(),
        eventsDropped.sum(),
        updated.sum(),
        rolledBack.sum(),
        byCode,
        httpErrors.sum(),
        count == 0 ? 0 : latencyNanos.sum() / count / 1e6,
        percentileMs(count, 0.50),
        percentileMs(count, 0.99));
  }

  private long percentileMs(long count, double p) {
    long rank = (long) Math.ceil(count * p);
    long seen = 0;
    for (int ms = 0; ms <= MAX_MS; ms++) {
      seen += latencyMs.get(ms);
      if (seen >= rank && rank > 0) {
        return ms;
      }
    }
    return 0;
  }
}
