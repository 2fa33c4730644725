package dev.rollout.definitions.policy;

import static java.util.Objects.requireNonNull;

import dev.rollout.definitions.version.SemVer;

/** What a device should get on its way to a rollout's release (DESIGN.md §5). */
public sealed interface Offer {

  /** Install the target itself. */
  record Direct(SemVer version) implements Offer {
    public Direct {
      requireNonNull(version, "version");
    }
  }

  /** Install this critical-migration release first; the target comes at a later check-in. */
  record SteppingStone(SemVer version) implements Offer {
    public SteppingStone {
      requireNonNull(version, "version");
    }
  }

  /** Offer nothing; listed as {@code INELIGIBLE: <reason>}. */
  record Ineligible(Reason reason, String message) implements Offer {
    public Ineligible {
      requireNonNull(reason, "reason");
      requireNonNull(message, "message");
    }
  }

  enum Reason {
    /** The device already runs the target or something newer. */
    ALREADY_CURRENT,
    /** The device runs a version below the policy's minimum supported version. */
    UNSUPPORTED_VERSION,
    /** The target is not in the catalog (never registered, or withdrawn). */
    UNKNOWN_RELEASE,
    /** The target is not built for the device's hardware model. */
    INCOMPATIBLE_HARDWARE,
    /** A critical migration lies between, and no offerable release of it fits the device. */
    MIGRATION_REQUIRED
  }
}
