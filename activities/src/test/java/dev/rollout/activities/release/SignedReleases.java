package dev.rollout.activities.release;

import dev.rollout.definitions.release.ManifestJson;
import dev.rollout.definitions.release.ManifestSigner;
import dev.rollout.definitions.release.ReleaseManifest;
import dev.rollout.definitions.release.Sha256;
import dev.rollout.definitions.version.SemVer;
import java.security.KeyPair;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/** Images and manifests signed with real Ed25519 keys, as the build pipeline makes them. */
final class SignedReleases {

  private SignedReleases() {}

  /** A pseudo-random image; the same seed gives the same bytes. */
  static byte[] image(long seed, int size) {
    byte[] bytes = new byte[size];
    new Random(seed).nextBytes(bytes);
    return bytes;
  }

  /** The image with a few bytes changed here and there, as a next firmware version would be. */
  static byte[] patched(byte[] image) {
    byte[] next = Arrays.copyOf(image, image.length + 1000);
    for (int i = 0; i < image.length; i += 9973) {
      next[i] ^= 0x5a;
    }
    return next;
  }

  static ReleaseManifest manifest(String product, String version, byte[] image, String... bases) {
    return new ReleaseManifest(
        product,
        SemVer.parse(version),
        List.of("th-100", "th-200"),
        image.length,
        Sha256.hex(image),
        1,
        false,
        Arrays.stream(bases).map(SemVer::parse).toList());
  }

  static String signed(KeyPair key, ReleaseManifest manifest) {
    return ManifestJson.write(ManifestSigner.of(key).sign(manifest));
  }
}
