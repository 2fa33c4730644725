package dev.rollout.agent;

import dev.rollout.definitions.version.SemVer;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Optional;

/**
 * An image being written into the inactive slot, hashed as it streams so no one needs to read it
 * back. It survives an interrupted download: {@link #written()} is where the resume starts.
 */
public interface ImageWriter {

  SemVer version();

  void write(byte[] bytes, int offset, int length) throws IOException;

  long written();

  /** Of the bytes written so far; writing may go on. */
  String sha256();

  /**
   * The strong ETag of the resource the bytes so far came from, when the server named one: a
   * resumed download sends it as {@code If-Range}, and a part of another entity starts over.
   */
  Optional<String> etag();

  /** Remembers the ETag (null: none) with the bytes; slots that survive a restart persist it. */
  void etag(String etag) throws IOException;

  /** Starts over at byte 0 (the server ignored a range, or a delta failed); forgets the ETag. */
  void reset() throws IOException;

  /** Drops what was written; the slot is as before. */
  void discard();

  default OutputStream stream() {
    return new OutputStream() {
      @Override
      public void write(int b) throws IOException {
        ImageWriter.this.write(new byte[] {(byte) b}, 0, 1);
      }

      @Override
      public void write(byte[] bytes, int offset, int length) throws IOException {
        ImageWriter.this.write(bytes, offset, length);
      }
    };
  }
}
