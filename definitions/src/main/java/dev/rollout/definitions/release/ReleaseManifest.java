package dev.rollout.definitions.release;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.rollout.definitions.version.SemVer;
import java.util.HashSet;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What a release is, as its product line's key signs it (DESIGN.md §4, §5). The signature covers
 * {@link #canonicalBytes()}, so every field here is something a device may rely on.
 *
 * @param product the product line, such as {@code thermostat}; its key signs the release
 * @param hardwareModels the models the image is built for, in the order given
 * @param size the full image in bytes
 * @param sha256 of the full image, 64 lowercase hex digits
 * @param minServerApi the oldest server API that can offer and track this release
 * @param criticalMigration devices must pass through this release before any later one
 * @param deltaBases the versions this release has binary deltas from, in the order given
 */
@JsonPropertyOrder({
  "product",
  "version",
  "hardwareModels",
  "size",
  "sha256",
  "minServerApi",
  "criticalMigration",
  "deltaBases"
})
public record ReleaseManifest(
    @JsonProperty(value = "product", required = true) String product,
    @JsonProperty(value = "version", required = true)
        @JsonSerialize(using = ReleaseJson.SemVerSerializer.class)
        @JsonDeserialize(using = ReleaseJson.SemVerDeserializer.class)
        SemVer version,
    @JsonProperty(value = "hardwareModels", required = true) List<String> hardwareModels,
    @JsonProperty(value = "size", required = true) long size,
    @JsonProperty(value = "sha256", required = true) String sha256,
    @JsonProperty(value = "minServerApi", required = true) int minServerApi,
    @JsonProperty(value = "criticalMigration", required = true) boolean criticalMigration,
    @JsonProperty(value = "deltaBases", required = true)
        @JsonSerialize(contentUsing = ReleaseJson.SemVerSerializer.class)
        @JsonDeserialize(contentUsing = ReleaseJson.SemVerDeserializer.class)
        List<SemVer> deltaBases) {

  /** Lowercase letters, digits and inner hyphens, like plan names. */
  public static final Pattern PRODUCT = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
  private static final int MAX_MODEL_LENGTH = 128;

  public ReleaseManifest {
    requireNonNull(product, "product");
    requireNonNull(version, "version");
    requireNonNull(sha256, "sha256");
    if (!PRODUCT.matcher(product).matches()) {
      throw new IllegalArgumentException(
          "product must be lowercase letters, digits and inner hyphens (at most 63), got '"
              + product
              + "'");
    }
    hardwareModels = checkModels(hardwareModels);
    if (size <= 0) {
      throw new IllegalArgumentException("size must be at least 1 byte, got " + size);
    }
    if (!SHA256.matcher(sha256).matches()) {
      throw new IllegalArgumentException(
          "sha256 must be 64 lowercase hex digits, got '" + sha256 + "'");
    }
    if (minServerApi < 1) {
      throw new IllegalArgumentException("minServerApi must be at least 1, got " + minServerApi);
    }
    deltaBases = checkDeltaBases(deltaBases, version);
  }

  /** The exact bytes the signature covers; see {@link CanonicalJson} and the module README. */
  public byte[] canonicalBytes() {
    return CanonicalJson.encode(this);
  }

  private static List<String> checkModels(List<String> models) {
    List<String> copy = List.copyOf(requireNonNull(models, "hardwareModels"));
    if (copy.isEmpty()) {
      throw new IllegalArgumentException("hardwareModels must name at least one model");
    }
    for (String model : copy) {
      checkModel(model);
    }
    if (new HashSet<>(copy).size() != copy.size()) {
      throw new IllegalArgumentException("hardwareModels must not repeat a model, got " + copy);
    }
    return copy;
  }

  // Control characters and lone surrogates are refused so that the canonical encoding needs no
  // escapes beyond \" and \\ and its UTF-8 form is unambiguous.
  private static void checkModel(String model) {
    if (model.isBlank() || model.length() > MAX_MODEL_LENGTH || !model.equals(model.strip())) {
      throw new IllegalArgumentException(
          "a hardware model must be 1 to "
              + MAX_MODEL_LENGTH
              + " characters without surrounding spaces, got '"
              + model
              + "'");
    }
    if (model.chars().anyMatch(Character::isISOControl) || !WellFormed.utf16(model)) {
      throw new IllegalArgumentException(
          "a hardware model must not contain control characters or lone surrogates");
    }
  }

  private static List<SemVer> checkDeltaBases(List<SemVer> bases, SemVer version) {
    List<SemVer> copy = List.copyOf(requireNonNull(bases, "deltaBases"));
    if (new HashSet<>(copy).size() != copy.size()) {
      throw new IllegalArgumentException("deltaBases must not repeat a version, got " + copy);
    }
    if (copy.contains(version)) {
      throw new IllegalArgumentException(
          "deltaBases must not contain the release's own version " + version);
    }
    return copy;
  }
}
