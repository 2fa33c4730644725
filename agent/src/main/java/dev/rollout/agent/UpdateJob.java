package dev.rollout.agent;

import dev.rollout.definitions.release.ReleaseManifest;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.Optional;

/**
 * One update or rollback, as a state machine: each {@link #advance()} runs one stage and answers
 * how long the device is busy before the next (a download, an install, a reboot), so thousands of
 * jobs share a few threads. Signature before download, hash before install, fallback on a failed
 * boot; every outcome reported.
 */
final class UpdateJob {

  private enum Stage {
    PREPARE,
    DOWNLOAD,
    VERIFY,
    INSTALLED,
    REBOOTED,
    DONE
  }

  private final AgentContext ctx;
  private final Offer offer;
  private final boolean rollback;
  private final Reporter report;
  private final Cancellation cancellation;
  private Stage stage = Stage.PREPARE;
  private ReleaseManifest manifest;
  private ImageWriter image;
  private Download download;
  private int interruptions;
  private Instant started;

  /** Asks the server, just before the install commits, whether the update was cancelled. */
  interface Cancellation {
    boolean cancelled();
  }

  UpdateJob(AgentContext ctx, Offer offer, boolean rollback, Cancellation cancellation) {
    this.ctx = ctx;
    this.offer = offer;
    this.rollback = rollback;
    this.cancellation = cancellation;
    this.report = new Reporter(ctx, offer.rolloutId(), rollback);
  }

  /** Reports a failure the job could not report itself (a broken slot store, a bug). */
  void crashed(Exception e) {
    if (stage != Stage.DONE) {
      fail("INSTALL_FAILED", e.getClass().getSimpleName() + ": " + e.getMessage());
    }
  }

  boolean finished() {
    return stage == Stage.DONE;
  }

  Duration advance() throws IOException {
    return switch (stage) {
      case PREPARE -> prepare();
      case DOWNLOAD -> download();
      case VERIFY -> verifyAndInstall();
      case INSTALLED -> reboot();
      case REBOOTED -> afterBoot();
      case DONE -> Duration.ZERO;
    };
  }

  private Duration prepare() throws IOException {
    ManifestCheck.Result check = ManifestCheck.check(ctx, offer);
    if (check instanceof ManifestCheck.Refused refused) {
      return fail(refused.code(), refused.detail());
    }
    manifest = ((ManifestCheck.Accepted) check).manifest();
    if (rollback && previousSlotHolds(manifest)) {
      ctx.slots().switchSlots();
      stage = Stage.INSTALLED;
      return reboot();
    }
    Optional<String> deferral =
        Preflight.beforeDownload(
            policy(),
            ctx.platform().readings(ctx.clock().now()),
            localTime(),
            () -> ctx.platform().userApprovesMeteredDownload(manifest.version().toString()));
    if (deferral.isPresent()) {
      return defer(deferral.get());
    }
    image = ctx.slots().openInactive(manifest.version(), manifest.sha256(), manifest.size());
    download = new Download(ctx, offer, manifest, image);
    started = ctx.clock().now();
    report.downloadStarted(version(), download.startsWithDelta());
    stage = Stage.DOWNLOAD;
    return Duration.ZERO;
  }

  private Duration download() {
    Download.Step step = download.next(report);
    if (step instanceof Download.Failed failed) {
      return fail(failed.code(), failed.detail());
    }
    if (step instanceof Download.Interrupted interrupted) {
      if (++interruptions >= ctx.config().maxDownloadAttempts()) {
        return fail(
            "DOWNLOAD_FAILED", "gave up after " + interruptions + ": " + interrupted.detail());
      }
      return ctx.config().retryDelay();
    }
    stage = Stage.VERIFY;
    return ctx.platform().downloadTime(manifest.size());
  }

  private Duration verifyAndInstall() throws IOException {
    report.downloadFinished(Duration.between(started, ctx.clock().now()));
    if (!image.sha256().equals(manifest.sha256())) {
      return fail("HASH_MISMATCH", "the image's sha256 is not the signed manifest's");
    }
    report.verified();
    Optional<String> deferral =
        Preflight.beforeInstall(policy(), ctx.platform().readings(ctx.clock().now()));
    if (deferral.isPresent()) {
      return defer(deferral.get());
    }
    if (!rollback && cancellation.cancelled()) {
      image.discard();
      ctx.noteError("CANCELLED");
      stage = Stage.DONE;
      return Duration.ZERO;
    }
    started = ctx.clock().now();
    if (!ctx.platform().install(manifest.version())) {
      return fail("INSTALL_FAILED", "the installer failed writing " + version());
    }
    ctx.slots().install(image);
    stage = Stage.INSTALLED;
    return ctx.platform().installTime(manifest.version());
  }

  private Duration reboot() throws IOException {
    if (image != null) {
      report.installed(Duration.between(started, ctx.clock().now()));
      ctx.slots().switchSlots();
    }
    stage = Stage.REBOOTED;
    return ctx.platform().rebootTime();
  }

  private Duration afterBoot() throws IOException {
    if (!ctx.platform().boots(manifest.version())) {
      // the bootloader's fallback: the previous slot, which was left untouched, runs again
      ctx.slots().switchSlots();
      return fail(
          "BOOT_FAILED",
          version() + " did not boot; fell back to " + ctx.slots().active().version());
    }
    stage = Stage.DONE;
    if (rollback) {
      report.rolledBack(version());
      return Duration.ZERO;
    }
    report.rebooted(version());
    report.health(version(), ctx.platform().healthy(manifest.version()));
    return Duration.ZERO;
  }

  private boolean previousSlotHolds(ReleaseManifest wanted) {
    return ctx.slots()
        .inactive()
        .filter(slot -> slot.version().equals(wanted.version()))
        .filter(slot -> slot.sha256() == null || slot.sha256().equals(wanted.sha256()))
        .isPresent();
  }

  private Duration fail(String code, String detail) {
    if (image != null && stage.compareTo(Stage.INSTALLED) < 0) {
      image.discard();
    }
    report.failed(code, detail);
    stage = Stage.DONE;
    return Duration.ZERO;
  }

  private Duration defer(String reason) {
    if (image != null) {
      image.discard();
    }
    report.deferred(reason);
    stage = Stage.DONE;
    // the server would offer the same again at once: wait as it says before asking, or an agent
    // deferring on its own (a user declining a metered download) would check in in a tight loop
    return offer.nextCheckIn(ctx.config().checkInInterval());
  }

  private Offer.Policy policy() {
    return offer.policy() == null ? Offer.Policy.NONE : offer.policy();
  }

  private LocalTime localTime() {
    return ctx.clock().now().atZone(ctx.platform().zone()).toLocalTime();
  }

  private String version() {
    return manifest.version().toString();
  }
}
