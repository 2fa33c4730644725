package dev.rollout.definitions.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyFilesTest {

  @TempDir Path dir;

  @Test
  void writesAPairThatReadsBackAndSigns() throws Exception {
    KeyPair pair = Keys.generate();

    KeyFiles.write(dir, "thermostat", pair);

    ManifestSigner signer =
        new ManifestSigner(
            KeyFiles.readPrivateKey(dir.resolve("thermostat.key")),
            KeyFiles.readPublicKey(dir.resolve("thermostat.pub")));
    assertThat(signer.keyId()).isEqualTo(Keys.keyId(pair.getPublic()));
  }

  @Test
  void privateKeyFileIsReadableByItsOwnerOnly() throws Exception {
    assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));

    KeyFiles.write(dir, "thermostat", Keys.generate());

    assertThat(
            PosixFilePermissions.toString(
                Files.getPosixFilePermissions(KeyFiles.privateKeyFile(dir, "thermostat"))))
        .isEqualTo("rw-------");
  }

  @Test
  void neverReplacesAnExistingKey() throws Exception {
    KeyFiles.write(dir, "thermostat", Keys.generate());
    String before = Files.readString(KeyFiles.privateKeyFile(dir, "thermostat"));

    assertThatThrownBy(() -> KeyFiles.write(dir, "thermostat", Keys.generate()))
        .isInstanceOf(FileAlreadyExistsException.class);
    assertThat(Files.readString(KeyFiles.privateKeyFile(dir, "thermostat"))).isEqualTo(before);
  }
}
