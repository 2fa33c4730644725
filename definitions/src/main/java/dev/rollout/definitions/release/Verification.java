package dev.rollout.definitions.release;

import static java.util.Objects.requireNonNull;

/** The verdict on a signed manifest: trusted, or refused with a stable code. */
public sealed interface Verification {

  /** Why a manifest is refused; the codes registration and the device agent report. */
  enum Code {
    /** No key id or no signature. */
    UNSIGNED,
    /** Signed by a key not in the trusted list (never trusted, or revoked). */
    UNKNOWN_KEY,
    /** Signed by a trusted key of another product line: keys are never shared. */
    WRONG_PRODUCT_KEY,
    /** The signature does not match the manifest: tampered, or signed by another key. */
    SIGNATURE_INVALID,
    /** Not a manifest: bad JSON, an invalid field, or a signature that is not 64 base64 bytes. */
    MALFORMED
  }

  /** The manifest is the product's own and unchanged since signing. */
  record Valid(ReleaseManifest manifest, String keyId) implements Verification {
    public Valid {
      requireNonNull(manifest, "manifest");
      requireNonNull(keyId, "keyId");
    }
  }

  record Invalid(Code code, String message) implements Verification {
    public Invalid {
      requireNonNull(code, "code");
      requireNonNull(message, "message");
    }
  }
}
