package dev.rollout.agent;

import static java.util.Objects.requireNonNull;

import dev.rollout.definitions.version.SemVer;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;

/** Hashing and the size limit, shared by the slot implementations; they keep the bytes. */
abstract class DigestingWriter implements ImageWriter {

  private final SemVer version;
  private final long maxBytes;
  private MessageDigest digest = newDigest();
  private long written;
  private String etag;

  DigestingWriter(SemVer version, long maxBytes) {
    this.version = requireNonNull(version, "version");
    this.maxBytes = maxBytes;
  }

  @Override
  public SemVer version() {
    return version;
  }

  @Override
  public final void write(byte[] bytes, int offset, int length) throws IOException {
    if (written + length > maxBytes) {
      throw new ImageTooLargeException(maxBytes);
    }
    store(bytes, offset, length);
    digest.update(bytes, offset, length);
    written += length;
  }

  @Override
  public long written() {
    return written;
  }

  @Override
  public String sha256() {
    try {
      return HexFormat.of().formatHex(((MessageDigest) digest.clone()).digest());
    } catch (CloneNotSupportedException e) {
      throw new IllegalStateException("the JDK's SHA-256 clones", e);
    }
  }

  @Override
  public Optional<String> etag() {
    return Optional.ofNullable(etag);
  }

  @Override
  public void etag(String etag) throws IOException {
    if (!Objects.equals(this.etag, etag)) {
      this.etag = etag;
      etagChanged(etag);
    }
  }

  @Override
  public void reset() throws IOException {
    truncate();
    digest = newDigest();
    written = 0;
    etag(null);
  }

  /**
   * Counts and hashes bytes a previous run stored already (a download resumed after a restart),
   * without storing them again.
   */
  final void storedBefore(InputStream in, String etag) throws IOException {
    byte[] buffer = new byte[64 * 1024];
    for (int n = in.read(buffer); n != -1; n = in.read(buffer)) {
      digest.update(buffer, 0, n);
      written += n;
    }
    this.etag = etag;
  }

  abstract void store(byte[] bytes, int offset, int length) throws IOException;

  abstract void truncate() throws IOException;

  /** Slots that survive a restart persist the ETag with the bytes. */
  void etagChanged(String etag) throws IOException {}

  private static MessageDigest newDigest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  /** More bytes than the manifest's size: whatever the rest is, the hash cannot match. */
  static final class ImageTooLargeException extends IOException {
    private static final long serialVersionUID = 1L;

    ImageTooLargeException(long maxBytes) {
      super("more than the manifest's " + maxBytes + " bytes");
    }
  }
}
