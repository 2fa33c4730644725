package dev.rollout.definitions.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.rollout.definitions.version.SemVer;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReleaseManifestTest {

  private static final SemVer V240 = SemVer.parse("2.4.0");

  @Test
  void refusesAProductThatIsNotALineName() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Manifests.withProduct("Thermostat"))
        .withMessageContaining("product must be lowercase");
    assertThatIllegalArgumentException().isThrownBy(() -> Manifests.withProduct("-x"));
  }

  @Test
  void refusesMissingDuplicateOrUnprintableHardwareModels() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> manifest(List.of(), 1, Manifests.SHA256, 1, List.of()))
        .withMessage("hardwareModels must name at least one model");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> manifest(List.of("a", "a"), 1, Manifests.SHA256, 1, List.of()))
        .withMessageContaining("must not repeat");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> manifest(List.of(" a"), 1, Manifests.SHA256, 1, List.of()));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> manifest(List.of("a\nb"), 1, Manifests.SHA256, 1, List.of()))
        .withMessageContaining("control characters");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> manifest(List.of("a\uD800"), 1, Manifests.SHA256, 1, List.of()))
        .withMessageContaining("lone surrogates");
  }

  @Test
  void refusesAnEmptyImage() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> manifest(List.of("a"), 0, Manifests.SHA256, 1, List.of()))
        .withMessage("size must be at least 1 byte, got 0");
  }

  @Test
  void refusesAHashThatIsNotLowercaseHex() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> manifest(List.of("a"), 1, Manifests.SHA256.toUpperCase(), 1, List.of()))
        .withMessageContaining("64 lowercase hex digits");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> manifest(List.of("a"), 1, "abc", 1, List.of()));
  }

  @Test
  void refusesAServerApiBelowOne() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> manifest(List.of("a"), 1, Manifests.SHA256, 0, List.of()))
        .withMessage("minServerApi must be at least 1, got 0");
  }

  @Test
  void refusesADeltaFromItselfOrTheSameBaseTwice() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> manifest(List.of("a"), 1, Manifests.SHA256, 1, List.of(V240)))
        .withMessageContaining("own version 2.4.0");
    SemVer base = SemVer.parse("2.3.0");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> manifest(List.of("a"), 1, Manifests.SHA256, 1, List.of(base, base)));
  }

  @Test
  void roundTripsThroughJsonWithVersionsAsStrings() {
    String json = ManifestJson.write(Manifests.thermostat());

    assertThat(json).contains("\"version\" : \"2.4.0\"").contains("\"2.3.0\", \"2.2.1\"");
    assertThat(ManifestJson.readManifest(json)).isEqualTo(Manifests.thermostat());
  }

  @Test
  void readsNoJsonThatTheSignatureWouldNotCover() {
    String json = ManifestJson.write(Manifests.thermostat());

    assertThatIllegalArgumentException()
        .isThrownBy(() -> ManifestJson.readManifest(json.replace("{", "{\"extra\": 1,")))
        .withMessageContaining("extra");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> ManifestJson.readManifest(json.replace("\"size\"", "\"size2\"")));
    assertThatIllegalArgumentException()
        .isThrownBy(
            () -> ManifestJson.readManifest(json.replace("\"criticalMigration\" : false,", "")))
        .withMessageContaining("criticalMigration");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> ManifestJson.readManifest(json.replace("\"2.4.0\"", "2.4")))
        .withMessageContaining("version");
    assertThatIllegalArgumentException()
        .isThrownBy(
            () -> ManifestJson.readManifest(json.replace("{", "{\"product\": \"doorbell\",")))
        .withMessageContaining("Duplicate");
  }

  @Test
  void explainsAnInvalidFieldWithTheConstructorsMessage() {
    String json = ManifestJson.write(Manifests.thermostat()).replace("1048576", "0");

    assertThatIllegalArgumentException()
        .isThrownBy(() -> ManifestJson.readManifest(json))
        .withMessageStartingWith("size must be at least 1 byte, got 0");
  }

  private static ReleaseManifest manifest(
      List<String> models, long size, String sha256, int minServerApi, List<SemVer> bases) {
    return new ReleaseManifest(
        "thermostat", V240, models, size, sha256, minServerApi, false, bases);
  }
}
