package dev.rollout.activities.release;

import static dev.rollout.activities.release.SignedReleases.image;
import static dev.rollout.activities.release.SignedReleases.manifest;
import static dev.rollout.activities.release.SignedReleases.signed;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rollout.activities.release.Registration.Code;
import dev.rollout.activities.release.Registration.Refused;
import dev.rollout.activities.release.Registration.Registered;
import dev.rollout.activities.store.Jdbc;
import dev.rollout.activities.testing.TestDatabase;
import dev.rollout.definitions.release.Keys;
import dev.rollout.definitions.release.ManifestJson;
import dev.rollout.definitions.release.SignedManifest;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.List;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReleaseRegistryIT {

  private final DataSource dataSource = TestDatabase.dataSource();
  private final KeyRegistry keys = new KeyRegistry(dataSource);
  private final KeyPair thermostat = Keys.generate();
  private final KeyPair doorbell = Keys.generate();
  private final byte[] image = image(7, 200_000);

  @TempDir Path root;
  private ReleaseRegistry registry;

  @BeforeEach
  void freshStore() {
    TestDatabase.reset();
    registry = new ReleaseRegistry(dataSource, new ArtifactStore(root), keys);
    keys.register("thermostat", Keys.publicKeyPem(thermostat.getPublic()));
    keys.register("doorbell", Keys.publicKeyPem(doorbell.getPublic()));
  }

  @Test
  void registersASignedReleaseWithItsImageAndRow() throws Exception {
    String json = signed(thermostat, manifest("thermostat", "2.4.0", image));

    Registration result = register(json, image);

    assertThat(result)
        .isEqualTo(
            new Registered(
                "2.4.0",
                "thermostat",
                Keys.keyId(thermostat.getPublic()),
                image.length,
                manifest("thermostat", "2.4.0", image).sha256(),
                List.of(),
                List.of(),
                false));
    assertThat(Files.readAllBytes(root.resolve("releases/2.4.0/image.bin"))).isEqualTo(image);
    List<String> rows =
        Jdbc.inTransaction(
            dataSource,
            c ->
                Jdbc.query(
                    c,
                    "SELECT product || ' ' || key_id || ' ' || artifact_location || ' '"
                        + " || (manifest = ?) FROM releases",
                    row -> row.getString(1),
                    json));
    assertThat(rows)
        .containsExactly(
            "thermostat " + Keys.keyId(thermostat.getPublic()) + " releases/2.4.0/image.bin true");
  }

  @Test
  void refusesAnUnsignedRelease() throws Exception {
    String json =
        ManifestJson.write(SignedManifest.unsigned(manifest("thermostat", "2.4.0", image)));

    assertRefusedStoringNothing(json, image, Code.UNSIGNED);
  }

  @Test
  void refusesAReleaseSignedWithTheKeyOfAnotherProductLine() throws Exception {
    String json = signed(doorbell, manifest("thermostat", "2.4.0", image));

    assertRefusedStoringNothing(json, image, Code.WRONG_PRODUCT_KEY);
  }

  @Test
  void refusesAReleaseSignedWithAnUnknownKey() throws Exception {
    String json = signed(Keys.generate(), manifest("thermostat", "2.4.0", image));

    assertRefusedStoringNothing(json, image, Code.UNKNOWN_KEY);
  }

  @Test
  void refusesATamperedArtifact() throws Exception {
    String json = signed(thermostat, manifest("thermostat", "2.4.0", image));
    byte[] tampered = image.clone();
    tampered[1000] ^= 1;

    assertRefusedStoringNothing(json, tampered, Code.HASH_MISMATCH);
    assertRefusedStoringNothing(json, java.util.Arrays.copyOf(image, 199_999), Code.SIZE_MISMATCH);
  }

  @Test
  void refusesATamperedManifest() throws Exception {
    String json = signed(thermostat, manifest("thermostat", "2.4.0", image));
    String widened = json.replace("\"th-200\"", "\"th-200\", \"th-300\"");

    assertThat(widened).isNotEqualTo(json);
    assertRefusedStoringNothing(widened, image, Code.SIGNATURE_INVALID);
  }

  @Test
  void refusesMalformedManifestJson() throws Exception {
    assertRefusedStoringNothing("{\"manifest\": 3}", image, Code.MALFORMED);
  }

  @Test
  void trustsTwoKeysOfOneProductLineUntilTheOldOneIsRevoked() throws Exception {
    KeyPair next = Keys.generate();
    keys.register("thermostat", Keys.publicKeyPem(next.getPublic()));
    byte[] other = image(8, 50_000);

    assertThat(register(signed(thermostat, manifest("thermostat", "2.4.0", image)), image))
        .isInstanceOf(Registered.class);
    assertThat(register(signed(next, manifest("thermostat", "2.4.1", other)), other))
        .isInstanceOf(Registered.class);

    keys.revoke(Keys.keyId(thermostat.getPublic()));
    byte[] third = image(9, 50_000);

    assertRefusedStoringNothing(
        signed(thermostat, manifest("thermostat", "2.4.2", third)), third, Code.UNKNOWN_KEY);
    assertThat(register(signed(next, manifest("thermostat", "2.4.2", third)), third))
        .isInstanceOf(Registered.class);
    assertThat(new ReleaseLibrary(dataSource, new ArtifactStore(root)).list())
        .extracting(ReleaseSummary::version)
        .containsExactly("2.4.0", "2.4.1", "2.4.2");
  }

  @Test
  void theIdenticalUploadAgainIsRegisteredOnce() throws Exception {
    String json = signed(thermostat, manifest("thermostat", "2.4.0", image));
    Registered first = (Registered) register(json, image);

    Registration again = register(json, image);

    assertThat(again).isInstanceOf(Registered.class);
    assertThat(((Registered) again).alreadyRegistered()).isTrue();
    assertThat(((Registered) again).sha256()).isEqualTo(first.sha256());
    assertThat(count("releases")).isEqualTo(1);
  }

  @Test
  void refusesOtherContentUnderARegisteredVersionAndKeepsTheFirst() throws Exception {
    register(signed(thermostat, manifest("thermostat", "2.4.0", image)), image);
    byte[] other = image(99, 1234);

    assertRefusedStoringNothing(
        signed(thermostat, manifest("thermostat", "2.4.0", other)), other, Code.ALREADY_REGISTERED);
    assertThat(Files.readAllBytes(root.resolve("releases/2.4.0/image.bin"))).isEqualTo(image);
  }

  private Registration register(String json, byte[] artifact) throws Exception {
    return registry.register(json, new ByteArrayInputStream(artifact));
  }

  /** Refused with the code, and nothing stored: no row, no file (not even a staged one). */
  private void assertRefusedStoringNothing(String json, byte[] artifact, Code code)
      throws Exception {
    String before = snapshot();

    Registration result = register(json, artifact);

    assertThat(result).isInstanceOf(Refused.class);
    assertThat(((Refused) result).code()).isEqualTo(code);
    assertThat(((Refused) result).message()).isNotBlank();
    assertThat(snapshot()).isEqualTo(before);
  }

  private String snapshot() throws Exception {
    try (Stream<Path> files = Files.walk(root)) {
      return "releases="
          + count("releases")
          + " deltas="
          + count("release_deltas")
          + " files="
          + files.filter(Files::isRegularFile).map(root::relativize).sorted().toList();
    }
  }

  private long count(String table) {
    return Jdbc.inTransaction(dataSource, c -> Jdbc.queryLong(c, "SELECT count(*) FROM " + table));
  }
}
