package dev.rollout.definitions.release;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Set;

/**
 * Key files for the CLI ({@code rollout keys generate}, {@code rollout release sign}): the only
 * file I/O in this module besides {@link Sha256#hex(Path)}. Kept apart from the pure parts.
 *
 * <p>A pair is {@code <name>.key} (PKCS#8 PEM, owner read/write only where the file system is
 * POSIX) and {@code <name>.pub} (X.509 PEM). Existing files are never overwritten: replacing a
 * product line's key by accident would orphan every device that trusts it.
 */
public final class KeyFiles {

  private static final Set<PosixFilePermission> OWNER_ONLY =
      PosixFilePermissions.fromString("rw-------");

  private KeyFiles() {}

  public static Path privateKeyFile(Path directory, String name) {
    return directory.resolve(name + ".key");
  }

  public static Path publicKeyFile(Path directory, String name) {
    return directory.resolve(name + ".pub");
  }

  /** Writes both files; throws FileAlreadyExistsException if either exists. */
  public static void write(Path directory, String name, KeyPair keyPair) throws IOException {
    Path privateFile = privateKeyFile(directory, name);
    Path publicFile = publicKeyFile(directory, name);
    for (Path file : new Path[] {privateFile, publicFile}) {
      if (Files.exists(file)) {
        throw new FileAlreadyExistsException(file.toString(), null, "will not replace a key");
      }
    }
    writePrivate(privateFile, Keys.privateKeyPem(keyPair.getPrivate()));
    Files.writeString(
        publicFile, Keys.publicKeyPem(keyPair.getPublic()), StandardOpenOption.CREATE_NEW);
  }

  public static PrivateKey readPrivateKey(Path file) throws IOException {
    return Keys.privateKeyFromPem(Files.readString(file, StandardCharsets.US_ASCII));
  }

  public static PublicKey readPublicKey(Path file) throws IOException {
    return Keys.publicKeyFromPem(Files.readString(file, StandardCharsets.US_ASCII));
  }

  // Created with the permissions already set, so the key is never readable by others, not even
  // for the moment between creating and chmod-ing it.
  private static void writePrivate(Path file, String pem) throws IOException {
    boolean posix =
        file.toAbsolutePath()
            .getParent()
            .getFileSystem()
            .supportedFileAttributeViews()
            .contains("posix");
    FileAttribute<?>[] attributes =
        posix
            ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)}
            : new FileAttribute<?>[0];
    Files.createFile(file, attributes);
    Files.writeString(file, pem, StandardCharsets.US_ASCII, StandardOpenOption.TRUNCATE_EXISTING);
  }
}
