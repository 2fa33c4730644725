package dev.rollout.activities.metrics;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * What the metrics endpoint exports, read at one moment.
 *
 * @param outcomes devices per rollout, phase and outcome
 * @param failures failed, timed-out and quarantined devices per rollout and last error code
 * @param verdicts gate verdicts and overrides per rollout ({@code key} is the audit event)
 * @param states one entry per exported rollout ({@code key} is its state)
 * @param fleet devices per reported version and hardware model
 */
public record MetricsSnapshot(
    List<Outcome> outcomes,
    List<Count> failures,
    List<Count> verdicts,
    List<Count> states,
    List<FleetCount> fleet) {

  public MetricsSnapshot {
    outcomes = List.copyOf(outcomes);
    failures = List.copyOf(failures);
    verdicts = List.copyOf(verdicts);
    states = List.copyOf(states);
    fleet = List.copyOf(fleet);
  }

  public record Outcome(String rolloutId, String phase, String outcome, long devices) {
    public Outcome {
      requireNonNull(rolloutId, "rolloutId");
      requireNonNull(phase, "phase");
      requireNonNull(outcome, "outcome");
    }
  }

  /** A count under two labels; their meaning depends on the list it is in. */
  public record Count(String rolloutId, String key, long value) {
    public Count {
      requireNonNull(rolloutId, "rolloutId");
      requireNonNull(key, "key");
    }
  }

  public record FleetCount(String version, String hardwareModel, long devices) {
    public FleetCount {
      requireNonNull(version, "version");
      requireNonNull(hardwareModel, "hardwareModel");
    }
  }
}
