package dev.rollout.activities.release;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * A product line's public key as the server holds it.
 *
 * @param publicKeyPem X.509 SubjectPublicKeyInfo PEM, as registered
 * @param revokedAt when it stopped being trusted for new registrations; null while trusted
 */
public record SigningKey(
    String keyId, String product, String publicKeyPem, Instant createdAt, Instant revokedAt) {

  public SigningKey {
    requireNonNull(keyId, "keyId");
    requireNonNull(product, "product");
    requireNonNull(publicKeyPem, "publicKeyPem");
    requireNonNull(createdAt, "createdAt");
  }

  public boolean revoked() {
    return revokedAt != null;
  }
}
