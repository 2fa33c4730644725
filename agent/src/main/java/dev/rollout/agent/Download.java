package dev.rollout.agent;

import dev.rollout.definitions.release.ReleaseManifest;
import dev.rollout.definitions.version.SemVer;
import java.io.IOException;
import java.util.Optional;

/**
 * Fetches a release into the inactive slot: the delta first when one is offered from the running
 * version, the full image when there is none or it fails; a full download interrupted midway
 * resumes where it stopped, also after a restart of the agent (the slots kept the part): such a
 * part is continued as a full download, the delta is not tried again. A delta interrupted by the
 * server's or the network's trouble is not a failed delta: it is retried like an image, from where
 * it stopped.
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
  private MemoryWriter delta;

  Download(AgentContext ctx, Offer offer, ReleaseManifest manifest, ImageWriter image) {
    this.ctx = ctx;
    this.offer = offer;
    this.manifest = manifest;
    this.image = image;
    if (image.written() == 0 && deltaFromRunningVersion()) {
      delta = new MemoryWriter(manifest.version(), manifest.size(), true);
    }
  }

  boolean startsWithDelta() {
    return delta != null;
  }

  Step next(Reporter report) {
    if (delta != null) {
      Optional<Step> step = viaDelta();
      if (step.isPresent()) {
        return step.get();
      }
      delta = null;
      resetAfterFailedDelta();
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

  /**
   * Complete, or interrupted by a transient failure (a 5xx, 408, 429, a broken connection: the
   * delta stays the plan and resumes with a range), or empty when this delta cannot give the image
   * (any other 4xx such as 404 or 410, too many bytes, its own sha256, a patch that fails or a
   * wrong result): a delta is an optimisation, never a reason to fail an update.
   */
  private Optional<Step> viaDelta() {
    try {
      ctx.api().download(ctx.config().credentials(), offer.delta().url(), delta);
    } catch (HttpFailure failure) {
      return failure.retryable()
          ? Optional.of(new Interrupted("delta: " + failure.getMessage()))
          : Optional.empty();
    } catch (DigestingWriter.ImageTooLargeException e) {
      return Optional.empty();
    } catch (IOException e) {
      return Optional.of(new Interrupted("delta: " + e.getMessage()));
    }
    return patched() ? Optional.of(new Complete()) : Optional.empty();
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

  private boolean patched() {
    if (!delta.sha256().equals(offer.delta().sha256())) {
      return false;
    }
    try {
      Optional<byte[]> base = ctx.slots().activeBytes();
      if (base.isEmpty()) {
        return false;
      }
      ctx.patcher().patch(base.get(), delta.bytes().orElseThrow(), image.stream());
      return image.written() == manifest.size() && image.sha256().equals(manifest.sha256());
    } catch (Exception e) {
      return false;
    }
  }

  private void resetAfterFailedDelta() {
    try {
      image.reset();
    } catch (IOException e) {
      // the full download resets the image again when it starts from byte 0
    }
  }
}
