package dev.rollout.worker.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.List;

/** A rollout's {@code status} for a terminal: a progress bar per phase, gates, pause, audit. */
public final class StatusText {

  static final List<String> FINAL = List.of("COMPLETED", "ROLLED_BACK", "ABORTED", "FAILED");
  private static final int BAR = 24;
  private static final int AUDIT_LINES = 5;

  private StatusText() {}

  public static boolean isFinal(JsonNode status) {
    return FINAL.contains(status.path("state").asText());
  }

  static void print(JsonNode status, PrintWriter out) {
    out.printf(
        "%s  release %s  %s%s%n",
        status.path("rolloutId").asText(),
        status.path("release").asText("?"),
        status.path("state").asText(),
        status.path("currentPhase").isTextual()
            ? "  (phase " + status.path("currentPhase").asText() + ")"
            : "");
    JsonNode pause = status.path("pause");
    if (pause.isObject()) {
      out.printf(
          "  paused by %s at %s: %s%n",
          pause.path("by").asText("?"),
          pause.path("at").asText("?"),
          pause.path("reason").asText(""));
    }
    for (JsonNode phase : status.path("phases")) {
      printPhase(phase, out);
    }
    JsonNode audit = status.path("audit");
    if (audit.size() > 0) {
      out.println("  recent:");
      for (int i = Math.max(0, audit.size() - AUDIT_LINES); i < audit.size(); i++) {
        JsonNode entry = audit.get(i);
        out.printf(
            "    %s %s by %s: %s%n",
            entry.path("at").asText(),
            entry.path("event").asText(),
            entry.path("by").asText("-"),
            entry.path("detail").asText(""));
      }
    }
  }

  private static void printPhase(JsonNode phase, PrintWriter out) {
    long target = phase.path("target").asLong();
    long succeeded = phase.path("succeeded").asLong();
    long done = succeeded + phase.path("failed").asLong() + phase.path("timedOut").asLong();
    out.printf(
        "  %-12s %-7s %s %3d%%  assigned %d/%d  ok %d  failed %d  timed out %d  in progress %d"
            + "  pending %d  deferred %d%n",
        phase.path("name").asText(),
        phase.path("state").asText(),
        bar(done, target),
        target == 0 ? 0 : Math.min(100, done * 100 / target),
        phase.path("assigned").asLong(),
        target,
        succeeded,
        phase.path("failed").asLong(),
        phase.path("timedOut").asLong(),
        phase.path("inProgress").asLong(),
        phase.path("pending").asLong(),
        phase.path("deferred").asLong());
    JsonNode gate = phase.path("gate");
    if (gate.isObject()) {
      StringBuilder reasons = new StringBuilder();
      gate.path("reasons")
          .forEach(r -> reasons.append(reasons.length() == 0 ? "" : "; ").append(r.asText()));
      out.printf(
          "               gate %s%s%n",
          gate.path("verdict").asText(), reasons.length() == 0 ? "" : ": " + reasons);
    }
  }

  /** {@code [#########---------]}: completed devices against the phase's target. */
  public static String bar(long done, long target) {
    int filled = target == 0 ? 0 : (int) Math.min(BAR, done * BAR / target);
    return "[" + "#".repeat(filled) + "-".repeat(BAR - filled) + "]";
  }
}
