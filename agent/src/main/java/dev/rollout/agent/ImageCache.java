package dev.rollout.agent;

import static java.util.Objects.requireNonNull;

import dev.rollout.definitions.release.Sha256;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Image bytes by sha256, shared by every simulated device in a JVM: all devices on one version hold
 * the same bytes, so 10,000 devices cost one copy per version, not 10,000.
 */
public final class ImageCache {

  private final ConcurrentHashMap<String, byte[]> images = new ConcurrentHashMap<>();

  /** Adds an image under its own hash and answers the hash. */
  public String put(byte[] image) {
    String sha256 = Sha256.hex(requireNonNull(image, "image"));
    images.putIfAbsent(sha256, image.clone());
    return sha256;
  }

  public boolean contains(String sha256) {
    return sha256 != null && images.containsKey(sha256);
  }

  /** The bytes themselves, not a copy: callers only read them (a delta base). */
  Optional<byte[]> get(String sha256) {
    return sha256 == null ? Optional.empty() : Optional.ofNullable(images.get(sha256));
  }

  void putVerified(String sha256, byte[] image) {
    images.putIfAbsent(sha256, image);
  }

  public int size() {
    return images.size();
  }
}
