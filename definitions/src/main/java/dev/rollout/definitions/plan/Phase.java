package dev.rollout.definitions.plan;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

public record Phase(
    String name, Cohort cohort, Duration soak, Gate gate, OnFailure onFailure, Approval approval) {

  public Phase {
    requireNonNull(name, "name");
    requireNonNull(cohort, "cohort");
    requireNonNull(soak, "soak");
    requireNonNull(gate, "gate");
    requireNonNull(onFailure, "onFailure");
    requireNonNull(approval, "approval");
  }

  public enum OnFailure {
    PAUSE,
    ROLLBACK
  }

  public enum Approval {
    AUTO,
    MANUAL
  }
}
