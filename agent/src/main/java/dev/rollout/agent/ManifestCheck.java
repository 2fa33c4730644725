package dev.rollout.agent;

import dev.rollout.definitions.release.ReleaseManifest;
import dev.rollout.definitions.release.Verification;

/**
 * Whether an offer's manifest may be acted on: signed by a trusted key of its product line,
 * unchanged, for the version the offer names, and built for this device's hardware. Runs before
 * anything is downloaded.
 */
final class ManifestCheck {

  private ManifestCheck() {}

  sealed interface Result {}

  record Accepted(ReleaseManifest manifest) implements Result {}

  record Refused(String code, String detail) implements Result {}

  static Result check(AgentContext ctx, Offer offer) {
    if (offer.manifest() == null || offer.manifest().isNull()) {
      return new Refused("UNSIGNED", "the offer carries no manifest");
    }
    Verification verdict = ctx.verifier().apply(offer.manifest().toString());
    if (verdict instanceof Verification.Invalid invalid) {
      // the agent's code list has no MALFORMED: a manifest that does not read cannot be trusted
      String code =
          invalid.code() == Verification.Code.MALFORMED
              ? "SIGNATURE_INVALID"
              : invalid.code().name();
      return new Refused(code, invalid.message());
    }
    ReleaseManifest manifest = ((Verification.Valid) verdict).manifest();
    if (offer.version() != null && !offer.version().equals(manifest.version().toString())) {
      return new Refused(
          "SIGNATURE_INVALID",
          "the offer names "
              + offer.version()
              + " but its signed manifest is "
              + manifest.version());
    }
    String model = ctx.config().hardwareModel();
    if (!manifest.hardwareModels().contains(model)) {
      return new Refused(
          "INCOMPATIBLE_HARDWARE",
          manifest.version() + " is built for " + manifest.hardwareModels() + ", not " + model);
    }
    return new Accepted(manifest);
  }
}
