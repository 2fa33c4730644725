package dev.rollout.worker.demo;

import dev.rollout.definitions.release.Keys;
import dev.rollout.definitions.release.ManifestJson;
import dev.rollout.definitions.release.ManifestSigner;
import dev.rollout.definitions.release.ReleaseManifest;
import dev.rollout.definitions.release.Sha256;
import dev.rollout.definitions.release.TrustedKey;
import dev.rollout.definitions.release.TrustedKeys;
import dev.rollout.definitions.version.SemVer;
import dev.rollout.worker.cli.Multipart;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The demo's product line and its three releases, made the way a build pipeline makes them: an
 * Ed25519 key of the product line's own, firmware images, and manifests signed with that key. The
 * images are deterministic pseudo-random bytes; 2.4.x differ from 2.3.0 in a few places, so their
 * binary deltas from 2.3.0 are small, as real firmware deltas are.
 */
final class DemoReleases {

  static final String PRODUCT = "thermostat";
  static final List<String> MODELS = List.of("th-100", "th-200", "th-300");
  static final String INSTALLED = "2.3.0";
  static final String GOOD = "2.4.0";
  static final String BAD = "2.4.1";

  private static final int IMAGE_SIZE = 64 * 1024;

  private final KeyPair key = Keys.generate();
  private final ManifestSigner signer = ManifestSigner.of(key);

  String publicKeyPem() {
    return Keys.publicKeyPem(key.getPublic());
  }

  /** What the devices trust: this product line's key only. */
  TrustedKeys trustedKeys() {
    return TrustedKeys.of(TrustedKey.of(PRODUCT, key.getPublic()));
  }

  /** The firmware image of a version. */
  static byte[] image(String version) {
    byte[] image = new byte[IMAGE_SIZE];
    new SplittableRandom(42).nextBytes(image);
    SplittableRandom changes = new SplittableRandom(version.hashCode());
    int patches = INSTALLED.equals(version) ? 0 : 40;
    for (int i = 0; i < patches; i++) {
      image[changes.nextInt(IMAGE_SIZE)] ^= (byte) (1 + changes.nextInt(255));
    }
    byte[] label = ("firmware " + version).getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(label, 0, image, 0, label.length);
    return image;
  }

  /** The upload of {@code POST /mgmt/v1/releases} for a version: its signed manifest and image. */
  Multipart upload(String version) {
    return new Multipart()
        .part(
            "manifest",
            version + ".manifest.json",
            "application/json",
            signedManifest(version).getBytes(StandardCharsets.UTF_8))
        .part("artifact", version + ".bin", "application/octet-stream", image(version));
  }

  /** The signed manifest of a version, as the pipeline's {@code rollout release sign} writes it. */
  String signedManifest(String version) {
    byte[] image = image(version);
    List<SemVer> deltaBases =
        INSTALLED.equals(version) ? List.of() : List.of(SemVer.parse(INSTALLED));
    ReleaseManifest manifest =
        new ReleaseManifest(
            PRODUCT,
            SemVer.parse(version),
            MODELS,
            image.length,
            Sha256.hex(image),
            1,
            false,
            deltaBases);
    return ManifestJson.write(signer.sign(manifest));
  }
}
