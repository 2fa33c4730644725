package dev.rollout.worker.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rollout.definitions.release.KeyFiles;
import dev.rollout.definitions.release.Keys;
import dev.rollout.definitions.release.ManifestVerifier;
import dev.rollout.definitions.release.Sha256;
import dev.rollout.definitions.release.TrustedKey;
import dev.rollout.definitions.release.TrustedKeys;
import dev.rollout.definitions.release.Verification;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ReleaseCommandsTest {

  @TempDir Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @Test
  void generatesAnOwnerOnlyPrivateKeyAndPrintsTheKeyId() throws Exception {
    assertThat(run("keys", "generate", "--product", "thermostat", "--out", dir.toString()))
        .isZero();

    Path privateKey = dir.resolve("thermostat.key");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(privateKey)))
        .isEqualTo("rw-------");
    assertThat(Files.readString(privateKey)).startsWith("-----BEGIN PRIVATE KEY-----");
    assertThat(out.toString().strip())
        .isEqualTo(Keys.keyId(KeyFiles.readPublicKey(dir.resolve("thermostat.pub"))));
  }

  @Test
  void neverReplacesAnExistingKey() throws Exception {
    run("keys", "generate", "--product", "thermostat", "--out", dir.toString());
    String before = Files.readString(dir.resolve("thermostat.key"));

    assertThat(run("keys", "generate", "--product", "thermostat", "--out", dir.toString()))
        .isEqualTo(1);

    assertThat(err.toString()).contains("exists; a key is never replaced");
    assertThat(Files.readString(dir.resolve("thermostat.key"))).isEqualTo(before);
  }

  @Test
  void signsAManifestThatVerifiesWithThePublicKey() throws Exception {
    run("keys", "generate", "--product", "thermostat", "--out", dir.toString());
    Path artifact = Files.write(dir.resolve("fw.bin"), new byte[] {1, 2, 3, 4, 5});
    Path manifest = dir.resolve("2.4.0.manifest.json");

    int status =
        run(
            "release",
            "sign",
            "--key",
            dir.resolve("thermostat.key").toString(),
            "--product",
            "thermostat",
            "--version",
            "2.4.0",
            "--models",
            "th-100,th-200",
            "--artifact",
            artifact.toString(),
            "--min-server-api",
            "2",
            "--critical-migration",
            "--delta-base",
            "2.3.0",
            "--delta-base",
            "2.2.0",
            "--out",
            manifest.toString());

    assertThat(status).as(err.toString()).isZero();
    TrustedKeys trusted =
        TrustedKeys.of(
            TrustedKey.of("thermostat", KeyFiles.readPublicKey(dir.resolve("thermostat.pub"))));
    Verification verdict = new ManifestVerifier(trusted).verify(Files.readString(manifest));
    assertThat(verdict).isInstanceOf(Verification.Valid.class);
    var signed = ((Verification.Valid) verdict).manifest();
    assertThat(signed.size()).isEqualTo(5);
    assertThat(signed.sha256()).isEqualTo(Sha256.hex(new byte[] {1, 2, 3, 4, 5}));
    assertThat(signed.hardwareModels()).containsExactly("th-100", "th-200");
    assertThat(signed.minServerApi()).isEqualTo(2);
    assertThat(signed.criticalMigration()).isTrue();
    assertThat(signed.deltaBases()).extracting(Object::toString).containsExactly("2.3.0", "2.2.0");
  }

  @Test
  void aMissingArtifactIsOneLineOnStderr() throws Exception {
    generateKey();

    int status =
        run(
            "release",
            "sign",
            "--key",
            dir.resolve("thermostat.key").toString(),
            "--product",
            "thermostat",
            "--version",
            "2.4.0",
            "--models",
            "th-100",
            "--artifact",
            dir.resolve("missing.bin").toString(),
            "--out",
            dir.resolve("m.json").toString());

    assertThat(status).isEqualTo(1);
    assertThat(err.toString())
        .isEqualTo(
            "rollout release sign: no such file: "
                + dir.resolve("missing.bin")
                + System.lineSeparator());
    assertThat(dir.resolve("m.json")).doesNotExist();
  }

  @Test
  void anInvalidVersionIsRefused() throws Exception {
    generateKey();
    Path artifact = Files.write(dir.resolve("fw.bin"), new byte[] {1});

    int status =
        run(
            "release",
            "sign",
            "--key",
            dir.resolve("thermostat.key").toString(),
            "--product",
            "thermostat",
            "--version",
            "2.4",
            "--models",
            "th-100",
            "--artifact",
            artifact.toString(),
            "--out",
            dir.resolve("m.json").toString());

    assertThat(status).isEqualTo(1);
    assertThat(err.toString()).startsWith("rollout release sign: ").contains("2.4");
  }

  private void generateKey() {
    assertThat(run("keys", "generate", "--product", "thermostat", "--out", dir.toString()))
        .isZero();
    out.getBuffer().setLength(0);
    err.getBuffer().setLength(0);
  }

  private int run(String... args) {
    CommandLine cli = RolloutCli.commandLine();
    cli.setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }
}
