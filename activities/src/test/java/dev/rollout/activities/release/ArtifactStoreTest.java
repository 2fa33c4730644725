package dev.rollout.activities.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rollout.activities.release.ArtifactStore.Staged;
import dev.rollout.definitions.release.Sha256;
import dev.rollout.definitions.version.SemVer;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArtifactStoreTest {

  @TempDir Path root;

  @Test
  void stagesWithSizeAndHashThenMovesToTheRelativeLocation() throws Exception {
    ArtifactStore store = new ArtifactStore(root);
    byte[] image = SignedReleases.image(1, 100_000);

    Staged staged = store.stage(new ByteArrayInputStream(image));
    String location = ArtifactStore.imageLocation(SemVer.parse("2.4.0"));
    store.commit(staged.file(), location);

    assertThat(staged.size()).isEqualTo(100_000);
    assertThat(staged.sha256()).isEqualTo(Sha256.hex(image));
    assertThat(location).isEqualTo("releases/2.4.0/image.bin");
    assertThat(Files.readAllBytes(root.resolve(location))).isEqualTo(image);
    assertThat(Files.exists(staged.file())).isFalse();
  }

  @Test
  void refusesLocationsOutsideTheRoot() {
    ArtifactStore store = new ArtifactStore(root);

    for (String bad : new String[] {"../x", "releases/../../x", "/etc/passwd", "", "."}) {
      assertThatThrownBy(() -> store.resolve(bad))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("not a location inside the artifact store");
    }
    assertThat(store.resolve("releases/2.4.0/image.bin"))
        .isEqualTo(root.resolve("releases/2.4.0/image.bin"));
  }

  @Test
  void deletingTheLastFileRemovesItsDirectory() throws Exception {
    ArtifactStore store = new ArtifactStore(root);
    String location = ArtifactStore.deltaLocation(SemVer.parse("2.4.0"), SemVer.parse("2.3.0"));
    store.commit(store.stage(new ByteArrayInputStream(new byte[] {1})).file(), location);

    store.delete(location);

    assertThat(location).isEqualTo("releases/2.4.0/delta-from-2.3.0.bin");
    assertThat(root.resolve("releases/2.4.0")).doesNotExist();
  }
}
