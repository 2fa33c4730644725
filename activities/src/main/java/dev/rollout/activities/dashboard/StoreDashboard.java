package dev.rollout.activities.dashboard;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the store tells the operator dashboard about rollouts, read in one snapshot: aggregates
 * only, except the bounded support list. (The fleet is read apart: it changes slowly and costs a
 * scan of every device.)
 *
 * @param rollouts the most recent rollouts, those still running first
 */
public record StoreDashboard(List<StoredRollout> rollouts, SupportQueue support) {

  public StoreDashboard {
    rollouts = List.copyOf(rollouts);
    requireNonNull(support, "support");
  }

  /** Devices per reported version and hardware model. */
  public record FleetCell(String version, String hardwareModel, long devices) {
    public FleetCell {
      requireNonNull(version, "version");
      requireNonNull(hardwareModel, "hardwareModel");
    }
  }

  /**
   * A row of {@code rollouts} with its cohorts and the tail of its audit trail.
   *
   * @param currentPhase the phase index, -1 before the first
   * @param audit the most recent entries, oldest first
   */
  public record StoredRollout(
      String id,
      String planName,
      String release,
      String state,
      int currentPhase,
      String pausedReason,
      String pausedBy,
      Instant pausedAt,
      Instant startedAt,
      Instant updatedAt,
      List<Cohort> cohorts,
      List<AuditRow> audit) {

    public StoredRollout {
      requireNonNull(id, "id");
      requireNonNull(state, "state");
      cohorts = List.copyOf(cohorts);
      audit = List.copyOf(audit);
    }
  }

  /**
   * The devices assigned in one phase of a rollout.
   *
   * @param outcomes devices per outcome (only outcomes with devices)
   * @param healthy succeeded and not reported unhealthy
   * @param unhealthy reported unhealthy, whatever their outcome
   * @param failures failed, timed-out and quarantined devices by last error code, most first
   * @param missed devices the window closed on, by reason
   * @param deferred devices held back by their preflight, by reason
   */
  public record Cohort(
      int phase,
      String name,
      long population,
      long target,
      Map<String, Long> outcomes,
      long healthy,
      long unhealthy,
      List<ReasonCount> failures,
      List<ReasonCount> missed,
      List<ReasonCount> deferred,
      Timing download,
      Timing install) {

    public Cohort {
      requireNonNull(name, "name");
      outcomes = java.util.Collections.unmodifiableMap(new TreeMap<>(outcomes));
      failures = List.copyOf(failures);
      missed = List.copyOf(missed);
      deferred = List.copyOf(deferred);
      requireNonNull(download, "download");
      requireNonNull(install, "install");
    }

    /** Every device assigned in the phase. */
    public long assigned() {
      return outcomes.values().stream().mapToLong(Long::longValue).sum();
    }
  }

  public record ReasonCount(String reason, long devices) {
    public ReasonCount {
      requireNonNull(reason, "reason");
    }
  }

  /**
   * Durations reported by the devices of a cohort; the percentiles are null when none reported.
   *
   * @param devices how many devices reported a duration
   */
  public record Timing(long devices, Double p50Ms, Double p90Ms) {
    public static final Timing NONE = new Timing(0, null, null);
  }

  public record AuditRow(Instant at, String event, String actor, String detail) {
    public AuditRow {
      requireNonNull(at, "at");
      requireNonNull(event, "event");
    }
  }

  /**
   * The open support queue, newest first.
   *
   * @param total every open case, of which {@code cases} are the newest
   */
  public record SupportQueue(long total, List<SupportCase> cases) {
    public SupportQueue {
      cases = List.copyOf(cases);
    }
  }

  /**
   * A device in the support queue with what its assignment and the playbook say.
   *
   * @param phase the phase's name; null when the assignment is gone
   * @param cause the playbook's likely cause; null without a playbook entry
   */
  public record SupportCase(
      String rolloutId,
      String deviceId,
      String phase,
      String reason,
      String errorCode,
      Instant enteredAt,
      String outcome,
      int attempts,
      String errorDetail,
      String hardwareModel,
      String version,
      String cause,
      String nextSteps,
      Boolean retryable) {

    public SupportCase {
      requireNonNull(rolloutId, "rolloutId");
      requireNonNull(deviceId, "deviceId");
      requireNonNull(reason, "reason");
    }
  }
}
