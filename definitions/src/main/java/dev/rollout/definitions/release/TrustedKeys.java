package dev.rollout.definitions.release;

import static java.util.Objects.requireNonNull;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The keys a verifier accepts. Rotation is adding the new key next to the old one; revocation is
 * leaving a key out. Several keys may serve one product line, but a key serves only one.
 */
public record TrustedKeys(List<TrustedKey> keys) {

  public TrustedKeys {
    keys = List.copyOf(requireNonNull(keys, "keys"));
    Map<String, TrustedKey> seen = new LinkedHashMap<>();
    for (TrustedKey key : keys) {
      if (seen.put(key.keyId(), key) != null) {
        throw new IllegalArgumentException("key " + key.keyId() + " is listed twice");
      }
    }
  }

  public static TrustedKeys of(TrustedKey... keys) {
    return new TrustedKeys(List.of(keys));
  }

  public Optional<TrustedKey> find(String keyId) {
    return keys.stream().filter(key -> key.keyId().equals(keyId)).findFirst();
  }
}
