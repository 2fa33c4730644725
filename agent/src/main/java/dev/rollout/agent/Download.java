package dev.rollout.agent;

import dev.rollout.definitions.release.ReleaseManifest;
import dev.rollout.definitions.release.Sha256;
import dev.rollout.definitions.version.SemVer;
import java.io.IOException;
import java.util.Optional;

/**
 * Fetches a release into the inactive slot: the delta first when one is offered from the running
 * version, the full image when there is none or it fails; a full download interrupted midway
 * resumes where it stopped, also after a restart of the agent (the slots kept the part): such a
 * part is continued as a full download, the delta is not tried again.
 */
final class Download {

  sealed interface Step {}

  /** The image is all there (its hash is checked next, before anything is applied). */
  record Complete() implements Step {}

  /** Interrupted; try again later from {@code written()}. */
  record Interrupted(String detail) implements Step {}

  record Failed(String code, String detail) implements Step {}

  private final AgentContext ctx;
  private final Offer offer;
  private final ReleaseManifest manifest;
  private final ImageWriter image;
  private boolean deltaPending;

  Download(AgentContext ctx, Offer offer, ReleaseManifest manifest, ImageWriter image) {
    this.ctx = ctx;
    this.offer = offer;
    this.manifest = manifest;
    this.image = image;
    this.deltaPending = image.written() == 0 && deltaFromRunningVersion();
  }

  boolean startsWithDelta() {
    return deltaPending;
  }

  Step next(Reporter report) {
    if (deltaPending) {
      deltaPending = false;
      if (patched()) {
        return new Complete();
      }
      report.deltaFailed(manifest.version().toString());
    }
    if (image.written() == manifest.size()) {
      return new Complete(); // all there before a restart: a range from the end would get a 416
    }
    if (offer.artifact() == null || offer.artifact().url() == null) {
      return new Failed("DOWNLOAD_FAILED", "the offer names no artifact");
    }
    try {
      ctx.api().download(ctx.config().credentials(), offer.artifact().url(), image);
      return image.written() == manifest.size()
          ? new Complete()
          : new Failed("HASH_MISMATCH", image.written() + " bytes, not " + manifest.size());
    } catch (DigestingWriter.ImageTooLargeException e) {
      return new Failed("HASH_MISMATCH", e.getMessage());
    } catch (HttpFailure failure) {
      if (failure.retryable()) {
        return new Interrupted(failure.getMessage());
      }
      if (failure.status() == 416) {
        return restart(failure.getMessage());
      }
      return new Failed("DOWNLOAD_FAILED", failure.getMessage());
    } catch (IOException e) {
      return new Interrupted(String.valueOf(e.getMessage()));
    }
  }

  private Step restart(String detail) {
    try {
      image.reset();
      return new Interrupted(detail);
    } catch (IOException e) {
      return new Failed("DOWNLOAD_FAILED", e.getMessage());
    }
  }

  private boolean deltaFromRunningVersion() {
    Offer.Delta delta = offer.delta();
    if (delta == null || delta.url() == null || delta.from() == null || delta.sha256() == null) {
      return false;
    }
    try {
      return SemVer.parse(delta.from()).equals(ctx.slots().active().version());
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  // Any failure at all (transfer, hash of the delta, a corrupt patch, a wrong result) means the
  // full image instead: a delta is an optimisation, never a reason to fail an update.
  private boolean patched() {
    try {
      Optional<byte[]> base = ctx.slots().activeBytes();
      if (base.isEmpty()) {
        return false;
      }
      byte[] delta =
          ctx.api().fetch(ctx.config().credentials(), offer.delta().url(), manifest.size());
      if (!Sha256.hex(delta).equals(offer.delta().sha256())) {
        return resetAfterFailedDelta();
      }
      ctx.patcher().patch(base.get(), delta, image.stream());
      return image.written() == manifest.size() && image.sha256().equals(manifest.sha256())
          || resetAfterFailedDelta();
    } catch (Exception e) {
      return resetAfterFailedDelta();
    }
  }

  private boolean resetAfterFailedDelta() {
    try {
      image.reset();
    } catch (IOException e) {
      // the full download resets the image again when it starts from byte 0
    }
    return false;
  }
}
