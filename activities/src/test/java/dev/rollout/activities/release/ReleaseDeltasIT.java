package dev.rollout.activities.release;

import static dev.rollout.activities.release.SignedReleases.image;
import static dev.rollout.activities.release.SignedReleases.manifest;
import static dev.rollout.activities.release.SignedReleases.patched;
import static dev.rollout.activities.release.SignedReleases.signed;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rollout.activities.release.Registration.Delta;
import dev.rollout.activities.release.Registration.Registered;
import dev.rollout.activities.release.Registration.SkippedDelta;
import dev.rollout.activities.testing.TestDatabase;
import dev.rollout.definitions.release.Keys;
import dev.rollout.definitions.release.Sha256;
import io.sigpipe.jbsdiff.Patch;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReleaseDeltasIT {

  private final DataSource dataSource = TestDatabase.dataSource();
  private final KeyRegistry keys = new KeyRegistry(dataSource);
  private final KeyPair thermostat = Keys.generate();
  private final KeyPair doorbell = Keys.generate();

  @TempDir Path root;

  @BeforeEach
  void freshStore() {
    TestDatabase.reset();
    keys.register("thermostat", Keys.publicKeyPem(thermostat.getPublic()));
    keys.register("doorbell", Keys.publicKeyPem(doorbell.getPublic()));
  }

  @Test
  void makesADeltaFromEachRegisteredBaseThatPatchesToTheNewImage() throws Exception {
    ReleaseRegistry registry = new ReleaseRegistry(dataSource, new ArtifactStore(root), keys);
    byte[] base = image(3, 300_000);
    byte[] next = patched(base);
    register(registry, thermostat, manifest("thermostat", "2.3.0", base), base);
    register(registry, doorbell, manifest("doorbell", "2.2.0", base), base);

    Registered result =
        register(
            registry,
            thermostat,
            manifest("thermostat", "2.4.0", next, "2.3.0", "2.2.0", "2.1.0"),
            next);

    assertThat(result.deltas()).extracting(Delta::from).containsExactly("2.3.0");
    Delta delta = result.deltas().get(0);
    assertThat(delta.location()).isEqualTo("releases/2.4.0/delta-from-2.3.0.bin");
    byte[] deltaBytes = Files.readAllBytes(root.resolve(delta.location()));
    assertThat(deltaBytes).hasSize((int) delta.size());
    assertThat(Sha256.hex(deltaBytes)).isEqualTo(delta.sha256());
    assertThat(delta.size()).isLessThan(next.length / 10);
    ByteArrayOutputStream rebuilt = new ByteArrayOutputStream();
    Patch.patch(base, deltaBytes, rebuilt);
    assertThat(Sha256.hex(rebuilt.toByteArray())).isEqualTo(Sha256.hex(next));
    // 2.2.0 is registered, but for another product line; 2.1.0 is not registered
    assertThat(result.skippedDeltas())
        .extracting(SkippedDelta::from)
        .containsExactly("2.2.0", "2.1.0");
    assertThat(new ReleaseLibrary(dataSource, new ArtifactStore(root)).list())
        .filteredOn(release -> release.version().equals("2.4.0"))
        .flatExtracting(ReleaseSummary::deltas)
        .containsExactly(delta);
  }

  @Test
  void skipsDeltasForImagesAboveTheLimit() throws Exception {
    ReleaseRegistry registry =
        new ReleaseRegistry(dataSource, new ArtifactStore(root), keys, 100_000);
    byte[] base = image(4, 150_000);
    byte[] next = patched(base);
    register(registry, thermostat, manifest("thermostat", "2.3.0", base), base);

    Registered result =
        register(registry, thermostat, manifest("thermostat", "2.4.0", next, "2.3.0"), next);

    assertThat(result.deltas()).isEmpty();
    assertThat(result.skippedDeltas())
        .containsExactly(new SkippedDelta("2.3.0", "images above 100000 bytes get no delta"));
    assertThat(root.resolve("releases/2.4.0/delta-from-2.3.0.bin")).doesNotExist();
  }

  private static Registered register(
      ReleaseRegistry registry,
      KeyPair key,
      dev.rollout.definitions.release.ReleaseManifest manifest,
      byte[] image)
      throws Exception {
    Registration result = registry.register(signed(key, manifest), new ByteArrayInputStream(image));
    assertThat(result).isInstanceOf(Registered.class);
    return (Registered) result;
  }
}
