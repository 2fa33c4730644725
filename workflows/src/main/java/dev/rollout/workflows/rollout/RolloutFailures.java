package dev.rollout.workflows.rollout;

import java.util.List;

/** The failure types the store raises for problems that no retry will fix. */
public final class RolloutFailures {

  /** The workflow input or its plan is invalid; details carry every problem. */
  public static final String INVALID_INPUT = "InvalidRolloutInput";

  /** The rollout's stored record is missing or corrupt. */
  public static final String ROLLOUT_NOT_FOUND = "RolloutNotFound";

  public static final List<String> PERMANENT_TYPES = List.of(INVALID_INPUT, ROLLOUT_NOT_FOUND);

  private RolloutFailures() {}
}
