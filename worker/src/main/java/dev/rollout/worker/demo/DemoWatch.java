package dev.rollout.worker.demo;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rollout.worker.cli.MgmtClient;
import dev.rollout.worker.cli.StatusText;
import java.io.PrintWriter;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Follows one rollout to its end through the mgmt API, as an operator would: a progress line every
 * few seconds, each audit entry (gate verdicts, pauses, rollbacks) as it appears, and an approval
 * when a phase waits for one.
 */
final class DemoWatch {

  private static final long POLL_MILLIS = 1_000;
  private static final long PROGRESS_EVERY_MILLIS = 5_000;

  private final MgmtClient mgmt;
  private final PrintWriter out;

  DemoWatch(MgmtClient mgmt, PrintWriter out) {
    this.mgmt = mgmt;
    this.out = out;
  }

  /** Returns the status once the rollout ended or paused. */
  JsonNode follow(String rolloutId) throws InterruptedException {
    Set<String> seen = new HashSet<>();
    long lastProgress = 0;
    while (true) {
      JsonNode status = mgmt.get("/mgmt/v1/rollouts/" + rolloutId);
      for (JsonNode entry : status.path("audit")) {
        String key = entry.path("at").asText() + entry.path("event").asText();
        if (seen.add(key)) {
          out.printf("  · %-18s %s%n", entry.path("event").asText(), entry.path("detail").asText());
        }
      }
      // the demo never pauses a rollout itself: a pause is the gate's (or an operator's) call
      if (StatusText.isFinal(status) || "PAUSED".equals(status.path("state").asText())) {
        return status;
      }
      if ("AWAITING_APPROVAL".equals(status.path("state").asText())) {
        String phase = status.path("currentPhase").asText();
        out.printf("  → approving phase %s, as an operator would%n", phase);
        mgmt.postJson(
            "/mgmt/v1/rollouts/" + rolloutId + "/approve",
            Map.of("phase", phase, "comment", "the demo approves"));
      }
      long now = System.currentTimeMillis();
      if (now - lastProgress >= PROGRESS_EVERY_MILLIS) {
        lastProgress = now;
        out.println("  " + progress(status));
      }
      out.flush();
      Thread.sleep(POLL_MILLIS);
    }
  }

  /** One line: the state, then a bar per phase. */
  static String progress(JsonNode status) {
    StringBuilder line = new StringBuilder(status.path("state").asText());
    for (JsonNode phase : status.path("phases")) {
      long target = phase.path("target").asLong();
      long done =
          phase.path("succeeded").asLong()
              + phase.path("failed").asLong()
              + phase.path("timedOut").asLong();
      line.append("  ")
          .append(phase.path("name").asText())
          .append(' ')
          .append(StatusText.bar(done, target))
          .append(' ')
          .append(done)
          .append('/')
          .append(target);
    }
    return line.toString();
  }

  /** The summary per phase at the end. */
  void summarize(JsonNode status) {
    out.printf(
        "%n  %-10s %-8s %8s %8s %9s %7s %9s  %s%n",
        "phase", "state", "target", "assigned", "succeeded", "failed", "timed out", "gate");
    for (JsonNode phase : status.path("phases")) {
      out.printf(
          "  %-10s %-8s %8d %8d %9d %7d %9d  %s%n",
          phase.path("name").asText(),
          phase.path("state").asText(),
          phase.path("target").asLong(),
          phase.path("assigned").asLong(),
          phase.path("succeeded").asLong(),
          phase.path("failed").asLong(),
          phase.path("timedOut").asLong(),
          phase.path("gate").path("verdict").asText("-"));
    }
    out.printf("  → %s%n%n", status.path("state").asText());
    out.flush();
  }
}
