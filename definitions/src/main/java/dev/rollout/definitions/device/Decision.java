package dev.rollout.definitions.device;

import static java.util.Objects.requireNonNull;

import dev.rollout.definitions.version.SemVer;

/** The answer to one check-in (docs/device-api.md: {@code action}). */
public sealed interface Decision {

  /** Nothing to do. */
  record None() implements Decision {}

  /**
   * Nothing now: the device fails the plan's device policy.
   *
   * @param record whether the assignment becomes DEFERRED with the reason (PENDING or DEFERRED)
   */
  record Defer(DeferReason reason, boolean record) implements Decision {
    public Defer {
      requireNonNull(reason, "reason");
    }
  }

  /**
   * Install {@code version}: the rollout's release, or a stepping stone before it.
   *
   * @param minFreeStorageBytes the policy's storage limit, resolved ({@code auto} = 2 × size)
   */
  record Update(
      SemVer version, boolean steppingStone, boolean requiresUserApproval, long minFreeStorageBytes)
      implements Decision {
    public Update {
      requireNonNull(version, "version");
    }
  }

  /** Install the previous version. */
  record Rollback(SemVer version) implements Decision {
    public Rollback {
      requireNonNull(version, "version");
    }
  }

  /** Abort the update in progress before committing it. */
  record Cancel() implements Decision {}
}
