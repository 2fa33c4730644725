package dev.rollout.agent;

import dev.rollout.definitions.version.SemVer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An image being written to {@code <slot>.img.part} by {@link DirectorySlots}. The bytes go to the
 * file as they come (unbuffered), so after a restart the file holds what was received; the slots
 * keep the rest of what a resume needs (version, sha256, size, ETag) in their state file.
 */
final class PartFile extends DigestingWriter {

  /** Where the slots keep the part's ETag and forget a discarded part. */
  interface Record {
    void etag(String etag) throws IOException;

    void discarded();
  }

  private final Path file;
  private final Record record;
  private OutputStream out;

  private PartFile(SemVer version, long maxBytes, Path file, Record record) {
    super(version, maxBytes);
    this.file = file;
    this.record = record;
  }

  /** A new, empty part (an old one of the same name is truncated). */
  static PartFile create(SemVer version, long maxBytes, Path file, Record record)
      throws IOException {
    PartFile part = new PartFile(version, maxBytes, file, record);
    part.out = Files.newOutputStream(file);
    return part;
  }

  /** Continues the part a previous run left: its bytes are hashed again, not fetched again. */
  static PartFile resume(SemVer version, long maxBytes, Path file, String etag, Record record)
      throws IOException {
    PartFile part = new PartFile(version, maxBytes, file, record);
    try (InputStream in = Files.newInputStream(file)) {
      part.storedBefore(in, etag);
    }
    part.out = Files.newOutputStream(file, StandardOpenOption.APPEND);
    return part;
  }

  Path file() {
    return file;
  }

  @Override
  void store(byte[] bytes, int offset, int length) throws IOException {
    out.write(bytes, offset, length);
  }

  @Override
  void truncate() throws IOException {
    out.close();
    out = Files.newOutputStream(file);
  }

  @Override
  void etagChanged(String etag) throws IOException {
    record.etag(etag);
  }

  void close() throws IOException {
    out.close();
  }

  @Override
  public void discard() {
    try {
      out.close();
      Files.deleteIfExists(file);
    } catch (IOException e) {
      // a leftover .part file is truncated by the next download, or resumed and then verified
    }
    record.discarded();
  }
}
