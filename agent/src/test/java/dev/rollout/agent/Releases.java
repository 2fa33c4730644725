package dev.rollout.agent;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rollout.definitions.release.Keys;
import dev.rollout.definitions.release.ManifestJson;
import dev.rollout.definitions.release.ManifestSigner;
import dev.rollout.definitions.release.ReleaseManifest;
import dev.rollout.definitions.release.Sha256;
import dev.rollout.definitions.release.SignedManifest;
import dev.rollout.definitions.release.TrustedKey;
import dev.rollout.definitions.release.TrustedKeys;
import dev.rollout.definitions.version.SemVer;
import io.sigpipe.jbsdiff.Diff;
import java.io.ByteArrayOutputStream;
import java.security.KeyPair;
import java.util.List;
import java.util.Random;

/** Real images, real Ed25519-signed manifests, real bsdiff deltas, and offers that carry them. */
final class Releases {

  static final String PRODUCT = "thermostat";
  static final String MODEL = "th-100";
  static final int IMAGE_SIZE = 64 * 1024;
  private static final ObjectMapper JSON = new ObjectMapper();

  private Releases() {}

  /** Versions share most bytes, as firmware builds do, so deltas are small. */
  static byte[] image(String version) {
    byte[] image = new byte[IMAGE_SIZE];
    new Random(42).nextBytes(image);
    Random change = new Random(version.hashCode());
    for (int i = 0; i < 200; i++) {
      image[change.nextInt(IMAGE_SIZE)] = (byte) change.nextInt();
    }
    return image;
  }

  static byte[] delta(byte[] from, byte[] to) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Diff.diff(from, to, out);
    return out.toByteArray();
  }

  static SignedManifest sign(KeyPair key, String version, byte[] image, String... deltaBases) {
    return ManifestSigner.of(key)
        .sign(manifest(version, List.of(MODEL, "th-200", "th-300"), image, deltaBases));
  }

  static ReleaseManifest manifest(
      String version, List<String> models, byte[] image, String... deltaBases) {
    return new ReleaseManifest(
        PRODUCT,
        SemVer.parse(version),
        models,
        image.length,
        Sha256.hex(image),
        3,
        false,
        List.of(deltaBases).stream().map(SemVer::parse).toList());
  }

  static String artifactPath(String version) {
    return "/device/v1/artifacts/" + version;
  }

  static String deltaPath(String version, String from) {
    return artifactPath(version) + "/delta/" + from;
  }

  /** An UPDATE (or ROLLBACK) offer of a signed release, without delta and policy limits. */
  static ObjectNode offer(String action, SignedManifest signed) {
    try {
      ObjectNode offer = JSON.createObjectNode();
      offer.put("action", action).put("rolloutId", "rollout-thermostat");
      offer.put("version", signed.manifest().version().toString());
      offer.set("manifest", JSON.readTree(ManifestJson.write(signed)));
      offer
          .putObject("artifact")
          .put("url", artifactPath(signed.manifest().version().toString()))
          .put("size", signed.manifest().size())
          .put("sha256", signed.manifest().sha256());
      offer.putObject("policy").put("metered", "allow").put("requiresUserApproval", false);
      offer.put("nextCheckInSeconds", 600);
      return offer;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static ObjectNode withDelta(ObjectNode offer, String from, byte[] delta) {
    String version = offer.get("version").asText();
    offer
        .putObject("delta")
        .put("from", from)
        .put("url", deltaPath(version, from))
        .put("size", delta.length)
        .put("sha256", Sha256.hex(delta));
    return offer;
  }

  static KeyPair newKey() {
    return Keys.generate();
  }

  /** A device's trusted keys: the product line's public key alone. */
  static TrustedKeys trusting(KeyPair key) {
    return TrustedKeys.of(TrustedKey.of(PRODUCT, key.getPublic()));
  }
}
