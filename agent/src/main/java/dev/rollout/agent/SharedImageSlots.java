package dev.rollout.agent;

import static java.util.Objects.requireNonNull;

import dev.rollout.definitions.version.SemVer;
import java.io.ByteArrayOutputStream;
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
    return new Writer(version, maxBytes, !cache.contains(expectedSha256));
  }

  @Override
  public void install(ImageWriter image) {
    Writer writer = (Writer) image;
    String sha256 = writer.sha256();
    if (writer.buffer != null) {
      cache.putVerified(sha256, writer.buffer.toByteArray());
    }
    slots[1 - active] = new SlotImage(writer.version(), sha256);
  }

  @Override
  public void switchSlots() {
    if (slots[1 - active] == null) {
      throw new IllegalStateException("the other slot holds no image");
    }
    active = 1 - active;
  }

  private static final class Writer extends DigestingWriter {
    private final ByteArrayOutputStream buffer;

    Writer(SemVer version, long maxBytes, boolean keepBytes) {
      super(version, maxBytes);
      this.buffer = keepBytes ? new ByteArrayOutputStream() : null;
    }

    @Override
    void store(byte[] bytes, int offset, int length) {
      if (buffer != null) {
        buffer.write(bytes, offset, length);
      }
    }

    @Override
    void truncate() {
      if (buffer != null) {
        buffer.reset();
      }
    }

    @Override
    public void discard() {
      truncate();
    }
  }
}
