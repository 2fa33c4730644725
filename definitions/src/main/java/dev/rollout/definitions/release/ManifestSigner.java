package dev.rollout.definitions.release;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Base64;

/**
 * Signs manifests with one product line's private key, in the build pipeline (never the server).
 *
 * <p>It takes the public key too because the key id is derived from it (the JDK cannot derive an
 * Ed25519 public key from a private one) — and checks that the two belong together, so that a
 * mixed-up key file fails here rather than as {@code SIGNATURE_INVALID} at registration.
 */
public final class ManifestSigner {

  private static final byte[] PROBE = "rollout key pair check".getBytes(StandardCharsets.UTF_8);

  private final PrivateKey privateKey;
  private final String keyId;

  public ManifestSigner(PrivateKey privateKey, PublicKey publicKey) {
    Keys.requireEd25519(privateKey, "private key");
    this.keyId = Keys.keyId(publicKey);
    if (!Ed25519.verify(publicKey, PROBE, Ed25519.sign(privateKey, PROBE))) {
      throw new IllegalArgumentException(
          "the private key does not belong to the public key " + keyId);
    }
    this.privateKey = privateKey;
  }

  public static ManifestSigner of(KeyPair keyPair) {
    return new ManifestSigner(keyPair.getPrivate(), keyPair.getPublic());
  }

  public String keyId() {
    return keyId;
  }

  public SignedManifest sign(ReleaseManifest manifest) {
    byte[] signature = Ed25519.sign(privateKey, requireNonNull(manifest).canonicalBytes());
    return new SignedManifest(manifest, keyId, Base64.getEncoder().encodeToString(signature));
  }
}
