package dev.rollout.worker.faults;

import dev.rollout.definitions.release.Keys;
import dev.rollout.definitions.release.ManifestJson;
import dev.rollout.definitions.release.ManifestSigner;
import dev.rollout.definitions.release.ReleaseManifest;
import dev.rollout.definitions.release.Sha256;
import dev.rollout.definitions.release.TrustedKey;
import dev.rollout.definitions.release.TrustedKeys;
import dev.rollout.definitions.version.SemVer;
import dev.rollout.worker.cli.MgmtClient;
import dev.rollout.worker.cli.Multipart;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A product line's key and its signed releases, registered through the mgmt API as a build pipeline
 * would: what the simulated devices of a fault test download, verify and install. Images are small
 * deterministic pseudo-random bytes; later versions differ from the first in a few places so their
 * deltas are small.
 */
final class Firmware {

  static final String PRODUCT = "thermostat";
  static final List<String> MODELS = List.of("th-100", "th-200");

  private static final int IMAGE_SIZE = 16 * 1024;

  private final KeyPair key = Keys.generate();
  private final ManifestSigner signer = ManifestSigner.of(key);

  /** What the devices trust: this product line's key only. */
  TrustedKeys trustedKeys() {
    return TrustedKeys.of(TrustedKey.of(PRODUCT, key.getPublic()));
  }

  /** Registers the key, then each version with deltas from the first one. */
  void register(MgmtClient mgmt, String base, String... versions) {
    mgmt.postJson(
        "/mgmt/v1/keys",
        Map.of("product", PRODUCT, "publicKeyPem", Keys.publicKeyPem(key.getPublic())));
    register(mgmt, base, base);
    for (String version : versions) {
      register(mgmt, base, version);
    }
  }

  private void register(MgmtClient mgmt, String base, String version) {
    byte[] image = image(base, version);
    List<SemVer> deltaBases = base.equals(version) ? List.of() : List.of(SemVer.parse(base));
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
    byte[] signed = ManifestJson.write(signer.sign(manifest)).getBytes(StandardCharsets.UTF_8);
    Multipart upload =
        new Multipart()
            .part("manifest", version + ".manifest.json", "application/json", signed)
            .part("artifact", version + ".bin", "application/octet-stream", image);
    mgmt.post("/mgmt/v1/releases", upload.contentType(), upload.publisher());
  }

  private static byte[] image(String base, String version) {
    byte[] image = new byte[IMAGE_SIZE];
    new SplittableRandom(7).nextBytes(image);
    SplittableRandom changes = new SplittableRandom(version.hashCode());
    for (int i = 0; i < (base.equals(version) ? 0 : 20); i++) {
      image[changes.nextInt(IMAGE_SIZE)] ^= (byte) (1 + changes.nextInt(255));
    }
    byte[] label = ("firmware " + version).getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(label, 0, image, 0, label.length);
    return image;
  }
}
