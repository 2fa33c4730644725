package dev.rollout.definitions.release;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 as 64 lowercase hex digits, the form manifests carry. Streams are read in 64 KiB chunks
 * so a multi-gigabyte image costs no more memory than a small one.
 */
public final class Sha256 {

  private static final int CHUNK = 64 * 1024;

  private Sha256() {}

  public static String hex(byte[] bytes) {
    MessageDigest digest = digest();
    digest.update(requireNonNull(bytes, "bytes"));
    return HexFormat.of().formatHex(digest.digest());
  }

  /** Reads the stream to its end; the caller closes it. */
  public static String hex(InputStream in) throws IOException {
    requireNonNull(in, "in");
    MessageDigest digest = digest();
    byte[] buffer = new byte[CHUNK];
    for (int n = in.read(buffer); n != -1; n = in.read(buffer)) {
      digest.update(buffer, 0, n);
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  /** The one file read in this package besides key files: the artifact being registered. */
  public static String hex(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return hex(in);
    }
  }

  private static MessageDigest digest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
