package dev.rollout.activities.release;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** The answer to a release upload: registered, or refused with nothing stored. */
public sealed interface Registration {

  /**
   * The release is registered.
   *
   * @param deltas the binary deltas it has, from registered bases of its manifest
   * @param skippedDeltas bases of the manifest no delta was made from, with the reason
   * @param alreadyRegistered true when this identical release was registered before (idempotent)
   */
  record Registered(
      String version,
      String product,
      String keyId,
      long size,
      String sha256,
      List<Delta> deltas,
      List<SkippedDelta> skippedDeltas,
      boolean alreadyRegistered)
      implements Registration {
    public Registered {
      requireNonNull(version, "version");
      requireNonNull(product, "product");
      requireNonNull(keyId, "keyId");
      requireNonNull(sha256, "sha256");
      deltas = List.copyOf(deltas);
      skippedDeltas = List.copyOf(skippedDeltas);
    }
  }

  /** Refused; no row and no file was left behind. */
  record Refused(Code code, String message) implements Registration {
    public Refused {
      requireNonNull(code, "code");
      requireNonNull(message, "message");
    }
  }

  /** Stable refusal codes: the signature verdicts, then the checks of the upload itself. */
  enum Code {
    UNSIGNED,
    UNKNOWN_KEY,
    WRONG_PRODUCT_KEY,
    SIGNATURE_INVALID,
    MALFORMED,
    /** The artifact's SHA-256 is not the one the manifest signs. */
    HASH_MISMATCH,
    /** The artifact's size is not the one the manifest signs. */
    SIZE_MISMATCH,
    /** The version is registered with other content; versions are immutable. */
    ALREADY_REGISTERED
  }

  /** A binary delta (bsdiff format) from {@code from} to the release. */
  record Delta(String from, long size, String sha256, String location) {
    public Delta {
      requireNonNull(from, "from");
      requireNonNull(sha256, "sha256");
      requireNonNull(location, "location");
    }
  }

  /** A delta base of the manifest that got no delta, and why (not registered, too large, ...). */
  record SkippedDelta(String from, String reason) {
    public SkippedDelta {
      requireNonNull(from, "from");
      requireNonNull(reason, "reason");
    }
  }
}
