package dev.rollout.activities.store;

import io.temporal.failure.ApplicationFailure;

/**
 * The permanent failures of the store activities: non-retryable, with stable types the workflow can
 * branch on. Anything else is retried.
 */
public final class StoreFailures {

  public static final String ROLLOUT_NOT_FOUND = "ROLLOUT_NOT_FOUND";
  public static final String PHASE_OUT_OF_RANGE = "PHASE_OUT_OF_RANGE";
  public static final String CORRUPT_PLAN = "CORRUPT_PLAN";

  private StoreFailures() {}

  public static ApplicationFailure rolloutNotFound(String rolloutId) {
    return ApplicationFailure.newNonRetryableFailure(
        "no rollout " + rolloutId + " in the store (prepare records it)", ROLLOUT_NOT_FOUND);
  }

  public static ApplicationFailure phaseOutOfRange(String rolloutId, int phase, int phases) {
    return ApplicationFailure.newNonRetryableFailure(
        "rollout " + rolloutId + " has " + phases + " phases, no phase index " + phase,
        PHASE_OUT_OF_RANGE);
  }

  public static ApplicationFailure corruptPlan(String rolloutId, Exception cause) {
    return ApplicationFailure.newNonRetryableFailureWithCause(
        "the stored plan of rollout " + rolloutId + " cannot be read: " + cause.getMessage(),
        CORRUPT_PLAN,
        cause);
  }
}
