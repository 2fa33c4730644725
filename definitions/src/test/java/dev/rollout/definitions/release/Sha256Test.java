package dev.rollout.definitions.release;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Sha256Test {

  @Test
  void matchesTheFips180Vectors() {
    assertThat(Sha256.hex(new byte[0]))
        .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    assertThat(Sha256.hex("abc".getBytes(StandardCharsets.US_ASCII)))
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  }

  @Test
  void streamAndFileGiveTheSameDigestAsTheBytesAcrossManyChunks(@TempDir Path dir)
      throws Exception {
    byte[] image = new byte[200_000];
    new Random(42).nextBytes(image);
    Path file = Files.write(dir.resolve("image.bin"), image);

    String expected = Sha256.hex(image);

    assertThat(Sha256.hex(new ByteArrayInputStream(image))).isEqualTo(expected);
    assertThat(Sha256.hex(file)).isEqualTo(expected).matches("[0-9a-f]{64}");
  }
}
