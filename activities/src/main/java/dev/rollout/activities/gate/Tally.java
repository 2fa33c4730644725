package dev.rollout.activities.gate;

import dev.rollout.definitions.gate.PhaseCounts;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** Accumulates (outcome, count) groups into {@link PhaseCounts}. */
final class Tally {

  private final Map<String, Long> byOutcome = new HashMap<>();
  private long unhealthy;

  void add(String outcome, boolean healthy, long devices) {
    byOutcome.merge(outcome, devices, Long::sum);
    if ("SUCCEEDED".equals(outcome) && !healthy) {
      unhealthy += devices;
    }
  }

  PhaseCounts counts(long supportTickets, Duration downloadP90) {
    return new PhaseCounts(
        byOutcome.values().stream().mapToLong(Long::longValue).sum(),
        of("PENDING"),
        of("DEFERRED"),
        of("IN_PROGRESS"),
        of("SUCCEEDED"),
        of("FAILED"),
        of("TIMED_OUT"),
        of("QUARANTINED"),
        of("CANCELLED"),
        of("ROLLED_BACK"),
        of("MISSED"),
        unhealthy,
        supportTickets,
        downloadP90);
  }

  private long of(String outcome) {
    return byOutcome.getOrDefault(outcome, 0L);
  }
}
