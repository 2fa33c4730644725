package dev.rollout.definitions.release;

import static java.util.Objects.requireNonNull;

import java.security.PublicKey;

/**
 * A public key the server or a device trusts, and the one product line it may sign for.
 *
 * @param keyId must be {@link Keys#keyId} of the key, so an id can never point at another key
 */
public record TrustedKey(String keyId, String product, PublicKey publicKey) {

  public TrustedKey {
    requireNonNull(keyId, "keyId");
    requireNonNull(product, "product");
    String derived = Keys.keyId(publicKey);
    if (!derived.equals(keyId)) {
      throw new IllegalArgumentException(
          "key id '" + keyId + "' does not match the key, whose id is " + derived);
    }
    if (!ReleaseManifest.PRODUCT.matcher(product).matches()) {
      throw new IllegalArgumentException("not a product line name: '" + product + "'");
    }
  }

  public static TrustedKey of(String product, PublicKey publicKey) {
    return new TrustedKey(Keys.keyId(publicKey), product, publicKey);
  }
}
