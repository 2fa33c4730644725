package dev.rollout.worker.dashboard;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.rollout.activities.dashboard.StoreDashboard.FleetCell;
import dev.rollout.activities.dashboard.StoreDashboard.ReasonCount;
import dev.rollout.activities.dashboard.StoreDashboard.SupportQueue;
import dev.rollout.activities.dashboard.StoreDashboard.Timing;
import dev.rollout.definitions.gate.GateVerdict;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The document behind the dashboard page ({@code GET /mgmt/v1/dashboard}): everything one refresh
 * shows, in one round trip. Documented in worker/README.md, section "Dashboard".
 */
record DashboardView(
    @JsonProperty("generatedAt") Instant generatedAt,
    @JsonProperty("fleet") Fleet fleet,
    @JsonProperty("rollouts") List<Rollout> rollouts,
    @JsonProperty("support") SupportQueue support) {

  DashboardView {
    rollouts = List.copyOf(rollouts);
  }

  /** Devices per reported version and hardware model. */
  record Fleet(
      @JsonProperty("devices") long devices, @JsonProperty("cells") List<FleetCell> cells) {
    Fleet {
      cells = List.copyOf(cells);
    }
  }

  /**
   * @param source {@code workflow} when the workflow answered its status query, {@code store} when
   *     the page shows the store's rows instead (no gate verdicts then)
   * @param pause null unless paused
   */
  record Rollout(
      @JsonProperty("id") String id,
      @JsonProperty("plan") String plan,
      @JsonProperty("release") String release,
      @JsonProperty("state") String state,
      @JsonProperty("currentPhase") String currentPhase,
      @JsonProperty("pause") Pause pause,
      @JsonProperty("startedAt") Instant startedAt,
      @JsonProperty("updatedAt") Instant updatedAt,
      @JsonProperty("source") String source,
      @JsonProperty("phases") List<Phase> phases,
      @JsonProperty("audit") List<Audit> audit) {

    Rollout {
      phases = List.copyOf(phases);
      audit = List.copyOf(audit);
    }
  }

  record Pause(
      @JsonProperty("reason") String reason,
      @JsonProperty("by") String by,
      @JsonProperty("at") String at) {}

  /**
   * A phase and its cohort (the devices assigned in it).
   *
   * @param gate the latest verdict with its reasons and inputs; null before the first or when the
   *     workflow did not answer
   */
  record Phase(
      @JsonProperty("index") int index,
      @JsonProperty("name") String name,
      @JsonProperty("state") String state,
      @JsonProperty("population") long population,
      @JsonProperty("target") long target,
      @JsonProperty("assigned") long assigned,
      @JsonProperty("outcomes") Map<String, Long> outcomes,
      @JsonProperty("healthy") long healthy,
      @JsonProperty("unhealthy") long unhealthy,
      @JsonProperty("gate") GateVerdict gate,
      @JsonProperty("failures") List<ReasonCount> failures,
      @JsonProperty("missed") List<ReasonCount> missed,
      @JsonProperty("deferred") List<ReasonCount> deferred,
      @JsonProperty("downloadMs") Timing downloadMs,
      @JsonProperty("installMs") Timing installMs) {}

  record Audit(
      @JsonProperty("at") String at,
      @JsonProperty("event") String event,
      @JsonProperty("by") String by,
      @JsonProperty("detail") String detail,
      @JsonProperty("inputs") Map<String, Object> inputs) {}
}
