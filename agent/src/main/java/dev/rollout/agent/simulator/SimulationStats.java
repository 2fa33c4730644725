package dev.rollout.agent.simulator;

import java.util.Map;

/**
 * A snapshot of a running simulation's counters, for the demo's progress line.
 *
 * @param offers UPDATE answers; {@code rollbackOffers} ROLLBACK answers
 * @param serverDeferrals NONE answers with a {@code deferredReason}
 * @param agentDeferrals deferrals by the agent's own preflight
 * @param failures reported error codes, including {@code DELTA_FAILED} fallbacks
 * @param httpErrors error statuses and network errors, on every call
 * @param latencyP50Ms check-in latency percentiles, whole milliseconds
 */
public record SimulationStats(
    long checkIns,
    double checkInsPerSecond,
    long offers,
    long rollbackOffers,
    long cancels,
    long serverDeferrals,
    long agentDeferrals,
    long eventsSent,
    long eventsDropped,
    long updated,
    long rolledBack,
    Map<String, Long> failures,
    long httpErrors,
    double latencyMeanMs,
    long latencyP50Ms,
    long latencyP99Ms) {

  public SimulationStats {
    failures = Map.copyOf(failures);
  }

  /** One line for a terminal. */
  public String line() {
    return String.format(
        "check-ins %d (%.0f/s, p50 %d ms, p99 %d ms) offers %d rollbacks %d events %d"
            + " updated %d rolled back %d failures %s http errors %d",
        checkIns,
        checkInsPerSecond,
        latencyP50Ms,
        latencyP99Ms,
        offers,
        rollbackOffers,
        eventsSent,
        updated,
        rolledBack,
        failures,
        httpErrors);
  }
}
