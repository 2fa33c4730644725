package dev.rollout.worker.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rollout.definitions.release.ManifestVerifier;
import dev.rollout.definitions.release.ReleaseManifest;
import dev.rollout.definitions.release.Sha256;
import dev.rollout.definitions.release.Verification;
import dev.rollout.definitions.version.SemVer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The signed releases the demo, its bench and the fault tests register. */
class SignedFirmwareTest {

  private final SignedFirmware line =
      new SignedFirmware(
          "lamp", List.of("l-1", "l-2"), "1.0.0", new SignedFirmware.Images(4096, 3, 10));

  @Test
  void manifestsAreSignedWithTheLinesKeyAndNameTheImage() {
    Verification verdict =
        new ManifestVerifier(line.trustedKeys()).verify(line.signedManifest("1.1.0"));

    ReleaseManifest manifest = ((Verification.Valid) verdict).manifest();
    byte[] image = line.image("1.1.0");
    assertThat(manifest.product()).isEqualTo("lamp");
    assertThat(manifest.version()).isEqualTo(SemVer.parse("1.1.0"));
    assertThat(manifest.hardwareModels()).containsExactly("l-1", "l-2");
    assertThat(manifest.size()).isEqualTo(image.length).isEqualTo(4096);
    assertThat(manifest.sha256()).isEqualTo(Sha256.hex(image));
    assertThat(manifest.deltaBases()).containsExactly(SemVer.parse("1.0.0"));
  }

  @Test
  void anotherInstanceHasAnotherKeyButTheSameImages() {
    SignedFirmware other =
        new SignedFirmware(
            "lamp", List.of("l-1", "l-2"), "1.0.0", new SignedFirmware.Images(4096, 3, 10));

    assertThat(new ManifestVerifier(other.trustedKeys()).verify(line.signedManifest("1.1.0")))
        .isInstanceOf(Verification.Invalid.class);
    assertThat(other.image("1.1.0")).isEqualTo(line.image("1.1.0"));
  }

  @Test
  void otherVersionsDifferFromTheBaseInAFewBytesAndTheBaseHasNoDeltaBase() {
    byte[] base = line.image("1.0.0");
    byte[] next = line.image("1.1.0");
    int differing = 0;
    for (int i = 0; i < base.length; i++) {
      differing += base[i] == next[i] ? 0 : 1;
    }
    assertThat(differing).isBetween(1, 10 + "firmware 1.1.0".length());
    assertThat(new String(next, 0, 14, StandardCharsets.US_ASCII)).isEqualTo("firmware 1.1.0");
    Verification baseRelease =
        new ManifestVerifier(line.trustedKeys()).verify(line.signedManifest("1.0.0"));
    assertThat(((Verification.Valid) baseRelease).manifest().deltaBases()).isEmpty();
  }

  @Test
  void refusesImagesTooSmallForTheirLabel() {
    assertThatThrownBy(() -> new SignedFirmware.Images(10, 1, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
