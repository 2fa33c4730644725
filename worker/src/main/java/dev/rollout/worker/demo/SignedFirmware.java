package dev.rollout.worker.demo;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
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
 * A product line's signed releases, made the way a build pipeline makes them: an Ed25519 key of the
 * line's own (fresh for every instance), firmware images, and manifests signed with that key,
 * registered through the mgmt API. The images are deterministic pseudo-random bytes; every version
 * but the base differs from the base in a few places, so its binary delta from the base is small,
 * as real firmware deltas are.
 */
public final class SignedFirmware {

  /**
   * How the images are made.
   *
   * @param size bytes of every image
   * @param seed of the base image's bytes
   * @param changes bytes of another version that differ from the base
   */
  public record Images(int size, long seed, int changes) {
    public Images {
      if (size < 64 || changes < 0) {
        throw new IllegalArgumentException(
            "images need at least 64 bytes and no negative changes, got " + size + ", " + changes);
      }
    }
  }

  private final String product;
  private final List<String> models;
  private final String base;
  private final Images images;
  private final KeyPair key = Keys.generate();
  private final ManifestSigner signer = ManifestSigner.of(key);

  /** {@code base}: the version the others have deltas from. */
  public SignedFirmware(String product, List<String> models, String base, Images images) {
    this.product = requireNonNull(product, "product");
    this.models = List.copyOf(models);
    this.base = SemVer.parse(base).toString();
    this.images = requireNonNull(images, "images");
  }

  public String product() {
    return product;
  }

  public String publicKeyPem() {
    return Keys.publicKeyPem(key.getPublic());
  }

  /** What the devices trust: this product line's key only. */
  public TrustedKeys trustedKeys() {
    return TrustedKeys.of(TrustedKey.of(product, key.getPublic()));
  }

  /** The firmware image of a version, starting with {@code "firmware <version>"}. */
  public byte[] image(String version) {
    byte[] image = new byte[images.size()];
    new SplittableRandom(images.seed()).nextBytes(image);
    SplittableRandom changes = new SplittableRandom(version.hashCode());
    for (int i = 0; i < (base.equals(version) ? 0 : images.changes()); i++) {
      image[changes.nextInt(images.size())] ^= (byte) (1 + changes.nextInt(255));
    }
    byte[] label = ("firmware " + version).getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(label, 0, image, 0, label.length);
    return image;
  }

  /** The signed manifest of a version, as the pipeline's {@code rollout release sign} writes it. */
  public String signedManifest(String version) {
    byte[] image = image(version);
    List<SemVer> deltaBases = base.equals(version) ? List.of() : List.of(SemVer.parse(base));
    ReleaseManifest manifest =
        new ReleaseManifest(
            product,
            SemVer.parse(version),
            models,
            image.length,
            Sha256.hex(image),
            1,
            false,
            deltaBases);
    return ManifestJson.write(signer.sign(manifest));
  }

  /** The upload of {@code POST /mgmt/v1/releases} for a version: its signed manifest and image. */
  public Multipart upload(String version) {
    return new Multipart()
        .part(
            "manifest",
            version + ".manifest.json",
            "application/json",
            signedManifest(version).getBytes(StandardCharsets.UTF_8))
        .part("artifact", version + ".bin", "application/octet-stream", image(version));
  }

  /** Makes the server trust this line's key; answers the stored key (its {@code keyId}). */
  public JsonNode registerKey(MgmtClient mgmt) {
    return mgmt.postJson(
        "/mgmt/v1/keys", Map.of("product", product, "publicKeyPem", publicKeyPem()));
  }

  /** Registers a signed release; answers the registered release (size, deltas). */
  public JsonNode register(MgmtClient mgmt, String version) {
    Multipart upload = upload(version);
    return mgmt.post("/mgmt/v1/releases", upload.contentType(), upload.publisher());
  }

  /** The key, then each version in order (the base first, so the others get their deltas). */
  public void publish(MgmtClient mgmt, String... versions) {
    registerKey(mgmt);
    for (String version : versions) {
      register(mgmt, version);
    }
  }
}
