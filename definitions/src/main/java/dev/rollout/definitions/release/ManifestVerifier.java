package dev.rollout.definitions.release;

import static java.util.Objects.requireNonNull;

import dev.rollout.definitions.release.Verification.Code;
import dev.rollout.definitions.release.Verification.Invalid;
import java.util.Base64;
import java.util.Optional;

/**
 * Checks a signed manifest against a trusted key list, for registration on the server and before a
 * device applies anything. Pure and thread-safe; answers, never throws for bad input.
 */
public final class ManifestVerifier {

  private final TrustedKeys trusted;

  public ManifestVerifier(TrustedKeys trusted) {
    this.trusted = requireNonNull(trusted, "trusted");
  }

  /** Reads the JSON form ({@link ManifestJson}) first; what does not read is {@code MALFORMED}. */
  public Verification verify(String json) {
    try {
      return verify(ManifestJson.readSigned(json));
    } catch (IllegalArgumentException e) {
      return new Invalid(Code.MALFORMED, e.getMessage());
    }
  }

  public Verification verify(SignedManifest signed) {
    requireNonNull(signed, "signed");
    if (!signed.isSigned()) {
      return new Invalid(Code.UNSIGNED, "the manifest has no key id or no signature");
    }
    Optional<byte[]> signature = decode(signed.signature());
    if (signature.isEmpty()) {
      return new Invalid(
          Code.MALFORMED,
          "the signature must be " + Ed25519.SIGNATURE_LENGTH + " bytes in standard base64");
    }
    Optional<TrustedKey> key = trusted.find(signed.keyId());
    if (key.isEmpty()) {
      return new Invalid(
          Code.UNKNOWN_KEY, "key " + signed.keyId() + " is not trusted (unknown or revoked)");
    }
    String product = signed.manifest().product();
    if (!key.get().product().equals(product)) {
      return new Invalid(
          Code.WRONG_PRODUCT_KEY,
          "key " + signed.keyId() + " signs for " + key.get().product() + ", not " + product);
    }
    byte[] message = signed.manifest().canonicalBytes();
    if (!Ed25519.verify(key.get().publicKey(), message, signature.get())) {
      return new Invalid(
          Code.SIGNATURE_INVALID,
          "the signature does not match this manifest under key " + signed.keyId());
    }
    return new Verification.Valid(signed.manifest(), signed.keyId());
  }

  private static Optional<byte[]> decode(String base64) {
    try {
      byte[] bytes = Base64.getDecoder().decode(base64);
      return bytes.length == Ed25519.SIGNATURE_LENGTH ? Optional.of(bytes) : Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
