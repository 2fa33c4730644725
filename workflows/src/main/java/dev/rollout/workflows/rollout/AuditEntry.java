package dev.rollout.workflows.rollout;

import java.util.Map;
import java.util.TreeMap;

/**
 * One decision of a rollout: who, why and on what inputs.
 *
 * @param at ISO-8601, from the workflow clock
 */
public record AuditEntry(
    String at, String event, String by, String detail, Map<String, Object> inputs) {

  public AuditEntry {
    inputs =
        inputs == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(inputs));
  }
}
