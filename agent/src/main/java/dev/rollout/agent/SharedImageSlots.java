package dev.rollout.agent;

import static java.util.Objects.requireNonNull;

import dev.rollout.definitions.version.SemVer;
import java.util.Optional;

/**
 * A/B slots of a simulated device that hold hashes, not bytes: the bytes live once in the shared
 * {@link ImageCache}. A download is hashed while it streams and kept only when the cache does not
 * have that image yet. Not thread-safe: one agent uses it at a time.
 */
public final class SharedImageSlots implements Slots {

  private final ImageCache cache;
  private final SlotImage[] slots = new SlotImage[2];
  private int active;

  public SharedImageSlots(ImageCache cache, SlotImage factoryImage) {
    this.cache = requireNonNull(cache, "cache");
    slots[0] = requireNonNull(factoryImage, "factoryImage");
  }

  @Override
  public SlotImage active() {
    return slots[active];
  }

  @Override
  public Optional<SlotImage> inactive() {
    return Optional.ofNullable(slots[1 - active]);
  }

  @Override
  public Optional<byte[]> activeBytes() {
    return cache.get(active().sha256());
  }

  @Override
  public ImageWriter openInactive(SemVer version, String expectedSha256, long maxBytes) {
    slots[1 - active] = null;
    return new MemoryWriter(version, maxBytes, !cache.contains(expectedSha256));
  }

  @Override
  public void install(ImageWriter image) {
    MemoryWriter writer = (MemoryWriter) image;
    String sha256 = writer.sha256();
    writer.bytes().ifPresent(bytes -> cache.putVerified(sha256, bytes));
    slots[1 - active] = new SlotImage(writer.version(), sha256);
  }

  @Override
  public void switchSlots() {
    if (slots[1 - active] == null) {
      throw new IllegalStateException("the other slot holds no image");
    }
    active = 1 - active;
  }
}
