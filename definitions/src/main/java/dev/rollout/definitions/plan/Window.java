package dev.rollout.definitions.plan;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/** After {@code closesAfter} from the start, devices that never took the update become MISSED. */
public record Window(Duration closesAfter) {

  public static final Duration DEFAULT_CLOSES_AFTER = Duration.ofDays(30);

  public Window {
    requireNonNull(closesAfter, "closesAfter");
  }
}
