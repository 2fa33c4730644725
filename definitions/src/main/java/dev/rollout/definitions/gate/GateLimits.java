package dev.rollout.definitions.gate;

import static dev.rollout.definitions.gate.Numbers.format;

import dev.rollout.definitions.plan.Gate;
import dev.rollout.definitions.time.Durations;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The FAIL conditions of a gate; each limit that is off (null) is simply not checked. */
final class GateLimits {

  private GateLimits() {}

  static List<String> violations(Gate gate, PhaseCounts counts, GateEvaluator.Measures m) {
    List<String> reasons = new ArrayList<>();
    // support tickets are people reporting trouble: they count at once, not after minDevices
    if (gate.maxSupportTickets() != null && counts.supportTickets() > gate.maxSupportTickets()) {
      reasons.add(
          counts.supportTickets() + " support tickets, more than " + gate.maxSupportTickets());
    }
    if (!m.enoughDevices()) {
      return reasons;
    }
    if (m.failureLower() > gate.maxFailureRate()) {
      reasons.add(
          "failure rate lower bound %s above %s (%d of %d failed)"
              .formatted(
                  format(m.failureLower()),
                  format(gate.maxFailureRate()),
                  counts.failures(),
                  m.completed()));
    }
    if (gate.maxHealthRegression() != null && m.healthRegression() > gate.maxHealthRegression()) {
      reasons.add(
          "health regression %s above %s (%d of %d updated devices unhealthy)"
              .formatted(
                  format(m.healthRegression()),
                  format(gate.maxHealthRegression()),
                  counts.unhealthy(),
                  counts.succeeded()));
    }
    Duration p90 = counts.downloadP90();
    if (gate.maxDownloadP90() != null && p90 != null && p90.compareTo(gate.maxDownloadP90()) > 0) {
      reasons.add(
          "download p90 %ss above %s"
              .formatted(format(seconds(p90)), Durations.format(gate.maxDownloadP90())));
    }
    return reasons;
  }

  static void putOptionalInputs(Gate gate, PhaseCounts counts, Map<String, Object> inputs) {
    if (gate.maxHealthRegression() != null) {
      inputs.put("maxHealthRegression", gate.maxHealthRegression());
    }
    if (gate.maxSupportTickets() != null) {
      inputs.put("maxSupportTickets", gate.maxSupportTickets().longValue());
    }
    if (gate.maxDownloadP90() != null) {
      inputs.put("maxDownloadP90Seconds", seconds(gate.maxDownloadP90()));
    }
    if (counts.downloadP90() != null) {
      inputs.put("downloadP90Seconds", seconds(counts.downloadP90()));
    }
  }

  private static double seconds(Duration duration) {
    return duration.toNanos() / 1e9;
  }
}
