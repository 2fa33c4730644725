package dev.rollout.activities.release;

import static java.util.Objects.requireNonNull;

import dev.rollout.definitions.version.SemVer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Artifact files under one root directory. The database stores locations relative to the root
 * ({@code releases/2.4.0/image.bin}), so the data directory can move. A file appears under its
 * location complete or not at all: writes go to a temporary file under the root (same file system)
 * and are then moved in atomically.
 */
public final class ArtifactStore {

  private static final String STAGING = ".staging";
  private static final int CHUNK = 64 * 1024;

  private final Path root;

  public ArtifactStore(Path root) {
    this.root = requireNonNull(root, "root").toAbsolutePath().normalize();
  }

  public Path root() {
    return root;
  }

  public static String imageLocation(SemVer version) {
    return "releases/" + version + "/image.bin";
  }

  public static String deltaLocation(SemVer version, SemVer base) {
    return "releases/" + version + "/delta-from-" + base + ".bin";
  }

  /**
   * The file of a location. Refuses absolute paths and anything that would leave the root ({@code
   * ..}), so a location can never name a file outside the store.
   */
  public Path resolve(String location) {
    requireNonNull(location, "location");
    Path relative = root.getFileSystem().getPath(location);
    Path resolved = root.resolve(relative).normalize();
    if (relative.isAbsolute()
        || location.isBlank()
        || !resolved.startsWith(root)
        || resolved.equals(root)) {
      throw new IllegalArgumentException("not a location inside the artifact store: " + location);
    }
    return resolved;
  }

  /** Streams the input to a new staged file, counting and hashing on the way; closes nothing. */
  public Staged stage(InputStream in) throws IOException {
    Path file = newStagingFile();
    try (OutputStream out = Files.newOutputStream(file)) {
      return copy(in, out, file);
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(file);
      throw e;
    }
  }

  /** A new empty staged file, for writers that need an OutputStream (the delta generator). */
  public Path newStagingFile() throws IOException {
    Path staging = root.resolve(STAGING);
    Files.createDirectories(staging);
    return Files.createTempFile(staging, "upload-", ".part");
  }

  /** Hashes a staged file written by someone else. */
  public Staged describe(Path staged) throws IOException {
    try (InputStream in = Files.newInputStream(staged)) {
      return copy(in, OutputStream.nullOutputStream(), staged);
    }
  }

  /** Moves a staged file to its location atomically, replacing a leftover of a failed attempt. */
  public void commit(Path staged, String location) throws IOException {
    Path target = resolve(location);
    Files.createDirectories(target.getParent());
    Files.move(staged, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }

  public boolean exists(String location) {
    return Files.isRegularFile(resolve(location));
  }

  public byte[] read(String location) throws IOException {
    return Files.readAllBytes(resolve(location));
  }

  /** Deletes the file of a location, and its directory when that is left empty. */
  public void delete(String location) throws IOException {
    Path file = resolve(location);
    Files.deleteIfExists(file);
    Path parent = file.getParent();
    try (var entries = Files.list(parent)) {
      if (entries.findAny().isEmpty()) {
        Files.delete(parent);
      }
    } catch (java.nio.file.NoSuchFileException e) {
      // already gone
    }
  }

  /**
   * Deletes a staged file; false when it could not. Never throws: it runs on paths that are already
   * failing, and a leftover in the staging area is never served.
   */
  public static boolean discard(Path staged) {
    try {
      Files.deleteIfExists(staged);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static Staged copy(InputStream in, OutputStream out, Path file) throws IOException {
    MessageDigest digest = sha256();
    long size = 0;
    byte[] buffer = new byte[CHUNK];
    try (DigestOutputStream hashing = new DigestOutputStream(out, digest)) {
      for (int n = in.read(buffer); n != -1; n = in.read(buffer)) {
        hashing.write(buffer, 0, n);
        size += n;
      }
    }
    return new Staged(file, size, HexFormat.of().formatHex(digest.digest()));
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  /** A complete file in the staging area, not yet at its location. */
  public record Staged(Path file, long size, String sha256) {
    public Staged {
      requireNonNull(file, "file");
      requireNonNull(sha256, "sha256");
    }
  }
}
