package dev.rollout.agent;

import dev.rollout.definitions.version.SemVer;
import java.io.IOException;
import java.io.OutputStream;

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

  /** Starts over at byte 0 (the server ignored a range, or a delta failed). */
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
