package dev.rollout.agent;

import dev.rollout.definitions.version.SemVer;
import java.io.ByteArrayOutputStream;
import java.util.Optional;

/**
 * Bytes hashed as they stream and kept in memory, or only hashed: a simulated slot's download (its
 * bytes are kept only when the shared cache lacks the image) and a delta being fetched (deltas are
 * small; the part survives a transient failure, so the next attempt resumes with a range).
 */
final class MemoryWriter extends DigestingWriter {

  private final ByteArrayOutputStream buffer;

  MemoryWriter(SemVer version, long maxBytes, boolean keepBytes) {
    super(version, maxBytes);
    this.buffer = keepBytes ? new ByteArrayOutputStream() : null;
  }

  /** The bytes so far; empty when they are only hashed. */
  Optional<byte[]> bytes() {
    return Optional.ofNullable(buffer).map(ByteArrayOutputStream::toByteArray);
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
