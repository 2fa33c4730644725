package dev.rollout.workflows.rollout;

import java.util.Map;
import java.util.TreeMap;

/**
 * Devices marked MISSED when the rollout window closed, by reason (OFFLINE, PREFLIGHT_NOT_MET,
 * ...).
 */
public record WindowClosure(Map<String, Long> missed) {

  public WindowClosure {
    missed = java.util.Collections.unmodifiableMap(new TreeMap<>(missed));
  }

  public long total() {
    return missed.values().stream().mapToLong(Long::longValue).sum();
  }
}
