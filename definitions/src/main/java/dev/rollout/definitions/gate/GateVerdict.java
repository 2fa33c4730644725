package dev.rollout.definitions.gate;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A gate's verdict with the reasons and the inputs it was computed from (counts, rates, Wilson
 * bounds), so operators can see why.
 */
public record GateVerdict(Verdict verdict, List<String> reasons, Map<String, Object> inputs) {

  public GateVerdict {
    requireNonNull(verdict, "verdict");
    reasons = List.copyOf(reasons);
    inputs = java.util.Collections.unmodifiableMap(new TreeMap<>(inputs));
  }
}
