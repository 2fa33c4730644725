package dev.rollout.agent;

import dev.rollout.definitions.version.SemVer;
import java.io.IOException;
import java.util.Optional;

/**
 * A/B system slots: the device runs the active one; updates go into the other, which afterwards
 * keeps the previous image for a fallback or a rollback. {@link DirectorySlots} keeps images as
 * files; {@link SharedImageSlots} keeps only hashes, for thousands of simulated devices.
 */
public interface Slots {

  SlotImage active();

  /** The other slot, when it holds a complete image. */
  Optional<SlotImage> inactive();

  /** The active image's bytes, the base of a delta; empty when not at hand. */
  Optional<byte[]> activeBytes() throws IOException;

  /**
   * Starts writing an image into the inactive slot, which stops holding its previous image.
   *
   * @param maxBytes more than this is refused, whatever the server sends
   */
  ImageWriter openInactive(SemVer version, String expectedSha256, long maxBytes) throws IOException;

  /** Makes a completely written and verified image the inactive slot's content. */
  void install(ImageWriter image) throws IOException;

  /** The next boot runs the other slot: after an install, for a fallback and for a rollback. */
  void switchSlots() throws IOException;
}
