package dev.rollout.definitions.release;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A manifest with the signature over its {@link ReleaseManifest#canonicalBytes()}, as it travels
 * from the build pipeline to the server and on to devices.
 *
 * <p>The key id and signature may be absent because this is also what an upload reads: an unsigned
 * release must reach {@link ManifestVerifier} to be refused as {@code UNSIGNED}, not be lost in a
 * parse error.
 *
 * @param keyId the signing key's id ({@link Keys#keyId}); null when unsigned
 * @param signature the 64-byte Ed25519 signature in standard base64; null when unsigned
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"manifest", "keyId", "signature"})
public record SignedManifest(
    @JsonProperty(value = "manifest", required = true) ReleaseManifest manifest,
    @JsonProperty("keyId") String keyId,
    @JsonProperty("signature") String signature) {

  public SignedManifest {
    requireNonNull(manifest, "manifest");
  }

  public static SignedManifest unsigned(ReleaseManifest manifest) {
    return new SignedManifest(manifest, null, null);
  }

  /** Whether it claims a signature at all; says nothing about the signature being good. */
  @JsonIgnore
  public boolean isSigned() {
    return keyId != null && !keyId.isBlank() && signature != null && !signature.isBlank();
  }
}
