package dev.rollout.definitions.plan;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.time.Duration;

/** After {@code closesAfter} from the start, devices that never took the update become MISSED. */
public record Window(
    @JsonSerialize(using = PlanJson.DurationSerializer.class)
        @JsonDeserialize(using = PlanJson.DurationDeserializer.class)
        Duration closesAfter) {

  public static final Duration DEFAULT_CLOSES_AFTER = Duration.ofDays(30);

  public Window {
    requireNonNull(closesAfter, "closesAfter");
  }
}
