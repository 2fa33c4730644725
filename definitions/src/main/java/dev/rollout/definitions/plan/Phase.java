package dev.rollout.definitions.plan;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.time.Duration;
import java.util.Locale;

public record Phase(
    String name,
    Cohort cohort,
    @JsonSerialize(using = PlanJson.DurationSerializer.class)
        @JsonDeserialize(using = PlanJson.DurationDeserializer.class)
        Duration soak,
    Gate gate,
    OnFailure onFailure,
    Approval approval) {

  public Phase {
    requireNonNull(name, "name");
    requireNonNull(cohort, "cohort");
    requireNonNull(soak, "soak");
    requireNonNull(gate, "gate");
    requireNonNull(onFailure, "onFailure");
    requireNonNull(approval, "approval");
  }

  /** In JSON as the plan spells it: {@code pause}, {@code rollback}. */
  public enum OnFailure {
    PAUSE,
    ROLLBACK;

    @JsonValue
    public String spelling() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** In JSON as the plan spells it: {@code auto}, {@code manual}. */
  public enum Approval {
    AUTO,
    MANUAL;

    @JsonValue
    public String spelling() {
      return name().toLowerCase(Locale.ROOT);
    }
  }
}
