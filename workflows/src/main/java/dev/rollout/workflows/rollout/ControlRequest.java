package dev.rollout.workflows.rollout;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A control message, read leniently from whatever JSON a signal or update carried: the Temporal UI
 * may send nothing, an empty object or extra fields. What cannot be understood becomes a problem,
 * never an exception.
 */
record ControlRequest(
    ControlAction action,
    String reason,
    String by,
    String phase,
    String comment,
    List<String> problems) {

  private static final Set<String> FIELDS = Set.of("action", "reason", "by", "phase", "comment");
  private static final String ANONYMOUS = "unknown";

  ControlRequest {
    problems = List.copyOf(problems);
  }

  /** Reads a signal's payload; the action is the signal's own. */
  static ControlRequest ofSignal(ControlAction action, JsonNode payload) {
    return read(action, payload);
  }

  /** Reads an update's payload, whose {@code action} field names the action. */
  static ControlRequest ofUpdate(JsonNode payload) {
    return read(null, payload);
  }

  private static ControlRequest read(ControlAction fixed, JsonNode payload) {
    List<String> problems = new ArrayList<>();
    JsonNode node = payload == null || payload.isNull() ? null : payload;
    if (node != null && !node.isObject()) {
      problems.add(
          "the message must be a JSON object, got " + node.getNodeType().name().toLowerCase());
      node = null;
    }
    if (node != null) {
      node.fieldNames()
          .forEachRemaining(
              field -> {
                if (!FIELDS.contains(field)) {
                  problems.add(
                      field
                          + ": unknown field; expected one of "
                          + FIELDS.stream().sorted().toList());
                }
              });
    }
    ControlAction action = fixed != null ? fixed : readAction(node, problems);
    String by = text(node, "by", problems);
    return new ControlRequest(
        action,
        text(node, "reason", problems),
        by == null || by.isBlank() ? ANONYMOUS : by,
        text(node, "phase", problems),
        text(node, "comment", problems),
        problems);
  }

  private static ControlAction readAction(JsonNode node, List<String> problems) {
    String name = text(node, "action", problems);
    if (name == null) {
      problems.add("action: required, one of pause, resume, abort, rollback, approve");
      return null;
    }
    return ControlAction.named(name)
        .orElseGet(
            () -> {
              problems.add(
                  "action: must be one of pause, resume, abort, rollback, approve, got " + name);
              return null;
            });
  }

  private static String text(JsonNode node, String field, List<String> problems) {
    JsonNode value = node == null ? null : node.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isTextual()) {
      problems.add(field + ": must be a string");
      return null;
    }
    return value.asText();
  }

  /** Reason with a fallback, for the audit trail. */
  String reasonOr(String fallback) {
    return reason == null || reason.isBlank() ? fallback : reason;
  }
}
