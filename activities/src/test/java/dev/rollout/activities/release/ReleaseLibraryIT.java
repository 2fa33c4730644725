package dev.rollout.activities.release;

import static dev.rollout.activities.release.SignedReleases.image;
import static dev.rollout.activities.release.SignedReleases.manifest;
import static dev.rollout.activities.release.SignedReleases.patched;
import static dev.rollout.activities.release.SignedReleases.signed;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rollout.activities.release.ReleaseLibrary.Deletion;
import dev.rollout.activities.store.Jdbc;
import dev.rollout.activities.testing.TestDatabase;
import dev.rollout.definitions.release.Keys;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.security.KeyPair;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReleaseLibraryIT {

  private final DataSource dataSource = TestDatabase.dataSource();
  private final KeyPair thermostat = Keys.generate();

  @TempDir Path root;
  private ReleaseLibrary library;

  @BeforeEach
  void twoReleases() throws Exception {
    TestDatabase.reset();
    KeyRegistry keys = new KeyRegistry(dataSource);
    keys.register("thermostat", Keys.publicKeyPem(thermostat.getPublic()));
    ArtifactStore store = new ArtifactStore(root);
    ReleaseRegistry registry = new ReleaseRegistry(dataSource, store, keys);
    byte[] base = image(5, 20_000);
    byte[] next = patched(base);
    registry.register(
        signed(thermostat, manifest("thermostat", "2.3.0", base)), new ByteArrayInputStream(base));
    registry.register(
        signed(thermostat, manifest("thermostat", "2.4.0", next, "2.3.0")),
        new ByteArrayInputStream(next));
    library = new ReleaseLibrary(dataSource, store);
  }

  @Test
  void keepsAReleaseAnAssignmentMayRollBackTo() {
    assign("2.4.0", "2.3.0");

    assertThat(library.delete("2.3.0")).isEqualTo(Deletion.IN_USE);
    assertThat(library.delete("2.4.0")).isEqualTo(Deletion.IN_USE);
    assertThat(root.resolve("releases/2.3.0/image.bin")).exists();
    assertThat(library.list()).hasSize(2);
  }

  @Test
  void deletesAnUnusedReleaseWithItsDeltasAndFiles() {
    assertThat(library.delete("2.4.0")).isEqualTo(Deletion.DELETED);

    assertThat(library.list()).extracting(ReleaseSummary::version).containsExactly("2.3.0");
    assertThat(root.resolve("releases/2.4.0")).doesNotExist();
    assertThat(library.delete("2.4.0")).isEqualTo(Deletion.NOT_FOUND);
  }

  private void assign(String target, String previous) {
    Jdbc.inTransaction(
        dataSource,
        c ->
            Jdbc.update(
                c,
                "INSERT INTO assignments (rollout_id, device_id, phase, target_version,"
                    + " previous_version, outcome, assigned_at, updated_at)"
                    + " VALUES ('r', 'd', 0, ?, ?, 'SUCCEEDED', now(), now())",
                target,
                previous));
  }
}
