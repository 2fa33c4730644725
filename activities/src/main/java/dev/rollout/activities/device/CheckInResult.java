package dev.rollout.activities.device;

import static java.util.Objects.requireNonNull;

import dev.rollout.definitions.device.Decision;
import dev.rollout.definitions.plan.DevicePolicy;

/** What a check-in gives: an authentication failure, or the decision with what it offers. */
public sealed interface CheckInResult {

  /** The token belongs to no device (the answer never says whether the path's device exists). */
  record Unauthenticated() implements CheckInResult {}

  /** The token is another device's; nothing was recorded. */
  record NotThisDevice() implements CheckInResult {}

  /**
   * @param rolloutId null when the device has no active assignment
   * @param release the offered release (UPDATE or ROLLBACK), else null
   * @param delta a delta from the device's reported version to it, else null
   * @param policy the rollout's device policy, else null
   */
  record Answer(
      Decision decision,
      String rolloutId,
      StoredRelease release,
      StoredDelta delta,
      DevicePolicy policy)
      implements CheckInResult {
    public Answer {
      requireNonNull(decision, "decision");
    }

    static Answer none() {
      return new Answer(new Decision.None(), null, null, null, null);
    }
  }
}
