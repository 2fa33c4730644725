package dev.rollout.definitions.release;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rollout.definitions.version.SemVer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class CanonicalBytesTest {

  @Test
  void encodesTheFixedManifestExactlyAsTheReadmeSays() {
    String canonical = new String(Manifests.thermostat().canonicalBytes(), StandardCharsets.UTF_8);

    assertThat(canonical)
        .isEqualTo(
            "{\"type\":\"rollout.release-manifest.v1\",\"product\":\"thermostat\","
                + "\"version\":\"2.4.0\",\"hardwareModels\":[\"th-100\",\"th-200\"],"
                + "\"size\":1048576,"
                + "\"sha256\":\"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08\","
                + "\"minServerApi\":3,\"criticalMigration\":false,"
                + "\"deltaBases\":[\"2.3.0\",\"2.2.1\"]}");
  }

  @Test
  void signatureOverTheFixedManifestWithTheRfc8032KeyIsStable() throws Exception {
    ManifestSigner signer = new ManifestSigner(Rfc8032Test.privateKey(), Rfc8032Test.publicKey());

    // Ed25519 is deterministic: a change here means every deployed signature stops verifying.
    assertThat(signer.sign(Manifests.thermostat()).signature()).isEqualTo(GOLDEN_SIGNATURE);
  }

  @Test
  void equalManifestsHaveEqualBytes() {
    assertThat(Manifests.thermostat().canonicalBytes())
        .isEqualTo(Manifests.thermostat().canonicalBytes());
  }

  @Test
  void keepsListsInTheOrderGivenAndEmptyListsAsBrackets() {
    ReleaseManifest manifest =
        new ReleaseManifest(
            "thermostat",
            SemVer.parse("3.0.0-rc.1"),
            List.of("th-200", "th-100"),
            1,
            Manifests.SHA256,
            1,
            true,
            List.of());

    assertThat(new String(manifest.canonicalBytes(), StandardCharsets.UTF_8))
        .contains("\"version\":\"3.0.0-rc.1\"")
        .contains("\"hardwareModels\":[\"th-200\",\"th-100\"]")
        .contains("\"criticalMigration\":true")
        .endsWith("\"deltaBases\":[]}");
  }

  @Test
  void escapesQuotesAndBackslashesAndWritesOtherTextAsUtf8() {
    ReleaseManifest manifest =
        new ReleaseManifest(
            "thermostat",
            SemVer.parse("2.4.0"),
            List.of("th \"pro\\2\"", "thermostat-ü"),
            1,
            Manifests.SHA256,
            1,
            false,
            List.of());

    byte[] bytes = manifest.canonicalBytes();

    assertThat(new String(bytes, StandardCharsets.UTF_8))
        .contains("[\"th \\\"pro\\\\2\\\"\",\"thermostat-ü\"]");
    assertThat(bytes).containsSequence((byte) 0xC3, (byte) 0xBC);
  }

  // Cross-checked with OpenSSL: openssl pkeyutl -sign -rawin over the string of the test above.
  private static final String GOLDEN_SIGNATURE =
      "XkHSjV7dG+i4snZ/4n3l3i0H0jJdyTVBtM0HJy5pHTAuFJvFAWizZMU3fvrtxGlIQml0rk3fbcHUe8H6WGgZCQ==";
}
