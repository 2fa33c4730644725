package dev.rollout.workflows.rollout;

import io.temporal.workflow.Workflow;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/** The most recent decisions of a rollout, bounded so the state carried across runs stays small. */
final class AuditTrail {

  private final int capacity;
  private final Deque<AuditEntry> entries = new ArrayDeque<>();

  AuditTrail(int capacity) {
    this.capacity = capacity;
  }

  void restore(List<AuditEntry> carried) {
    entries.clear();
    carried.forEach(this::add);
  }

  void record(String event, String by, String detail) {
    record(event, by, detail, Map.of());
  }

  void record(String event, String by, String detail, Map<String, Object> inputs) {
    String at = Instant.ofEpochMilli(Workflow.currentTimeMillis()).toString();
    add(new AuditEntry(at, event, by, detail, inputs));
  }

  private void add(AuditEntry entry) {
    entries.addLast(entry);
    while (entries.size() > capacity) {
      entries.removeFirst();
    }
  }

  List<AuditEntry> entries() {
    return List.copyOf(entries);
  }
}
