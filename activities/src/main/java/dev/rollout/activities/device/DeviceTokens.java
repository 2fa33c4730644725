package dev.rollout.activities.device;

import dev.rollout.definitions.release.Sha256;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Device tokens: 32 random bytes in base64url, shown once; the store keeps only the SHA-256 (hex),
 * so a leaked database does not let anyone act as a device. A plain hash (no salt, no stretching)
 * is enough because the tokens are random and long, and it keeps the lookup one unique-index probe.
 */
public final class DeviceTokens {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

  private DeviceTokens() {}

  public static String generate() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return ENCODER.encodeToString(bytes);
  }

  /** The value stored in {@code devices.token_hash}. */
  public static String hash(String token) {
    return Sha256.hex(token.getBytes(StandardCharsets.UTF_8));
  }
}
