package dev.rollout.agent;

import static java.util.Objects.requireNonNull;

import dev.rollout.definitions.version.SemVer;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The reference device agent (DESIGN.md §4): checks in, acts on the answer, reports honestly. It
 * owns no thread: {@link #step()} does one piece of work and answers how long to wait before the
 * next, so a real device calls it in a loop and the simulator drives 10,000 of them on a shared
 * scheduler ({@link AgentRuntime}). Not thread-safe: one step at a time.
 */
public final class Agent {

  private static final System.Logger LOG = System.getLogger(Agent.class.getName());

  private static final int MAX_STAGES_PER_STEP = 16;

  private final AgentContext ctx;
  private UpdateJob job;

  public Agent(
      AgentConfig config,
      DeviceApiClient api,
      Slots slots,
      Platform platform,
      AgentClock clock,
      AgentListener listener) {
    this(config, api, slots, platform, clock, listener, AgentServices.of(config.trustedKeys()));
  }

  /** With services shared by many agents ({@link AgentServices#shared}). */
  public Agent(
      AgentConfig config,
      DeviceApiClient api,
      Slots slots,
      Platform platform,
      AgentClock clock,
      AgentListener listener,
      AgentServices services) {
    this.ctx =
        new AgentContext(
            requireNonNull(config, "config"),
            requireNonNull(api, "api"),
            requireNonNull(slots, "slots"),
            requireNonNull(platform, "platform"),
            requireNonNull(clock, "clock"),
            requireNonNull(listener, "listener"),
            requireNonNull(services, "services"));
  }

  /** Does one piece of work; answers the wait, in the agent clock's time, before the next. */
  public Duration step() {
    Duration wait = Duration.ZERO;
    try {
      // stages that take no device time run back to back: on a shared pool, going to the back
      // of the queue between them would only add latency
      for (int i = 0; i < MAX_STAGES_PER_STEP && wait.isZero(); i++) {
        boolean idle = job == null;
        wait = idle ? checkIn() : advanceJob();
        if (idle && job == null) {
          break;
        }
      }
    } catch (IOException | RuntimeException e) {
      // a broken slot store or a bug must not kill the agent: report, drop the job, carry on
      LOG.log(Level.WARNING, ctx.config().credentials().deviceId() + ": step failed", e);
      if (job != null) {
        job.crashed(e);
      }
      job = null;
      wait = ctx.config().retryDelay();
    }
    Optional<Instant> retry = ctx.outbox().flush(ctx);
    if (retry.isPresent()) {
      Duration untilRetry = Duration.between(ctx.clock().now(), retry.get());
      wait = untilRetry.compareTo(wait) < 0 ? untilRetry : wait;
    }
    return wait.isNegative() ? Duration.ZERO : wait;
  }

  /** Whether an update or rollback is under way. */
  public boolean busy() {
    return job != null;
  }

  public SemVer runningVersion() {
    return ctx.slots().active().version();
  }

  /** The last error code the agent reported or fell back from, such as {@code DELTA_FAILED}. */
  public Optional<String> lastErrorCode() {
    return Optional.ofNullable(ctx.lastErrorCode());
  }

  /** Whether every event made so far has reached the server (or was refused by it). */
  public boolean eventsDelivered() {
    return ctx.outbox().isEmpty();
  }

  private Duration advanceJob() throws IOException {
    Duration wait = job.advance();
    if (job.finished()) {
      job = null;
    }
    return wait;
  }

  private Duration checkIn() {
    Duration interval = ctx.config().checkInInterval();
    if (!ctx.platform().online()) {
      return interval;
    }
    Optional<Instant> retry = ctx.outbox().flush(ctx);
    if (retry.isPresent()) {
      // the server must know what happened before it decides what comes next
      return Duration.between(ctx.clock().now(), retry.get());
    }
    Optional<Offer> answer = ask();
    if (answer.isEmpty()) {
      return ctx.config().retryDelay();
    }
    Offer offer = answer.get();
    switch (offer.effectiveAction()) {
      case UPDATE -> job = new UpdateJob(ctx, offer, false, this::cancelled);
      case ROLLBACK -> job = new UpdateJob(ctx, offer, true, () -> false);
      case NONE, CANCEL -> {
        // CANCEL between jobs: nothing was kept from an unfinished update, so nothing to undo
      }
    }
    if (job != null) {
      return Duration.ZERO;
    }
    return offer.nextCheckIn(interval);
  }

  private boolean cancelled() {
    return ask().map(offer -> offer.effectiveAction() == Action.CANCEL).orElse(false);
  }

  private Optional<Offer> ask() {
    Instant now = ctx.clock().now();
    CheckIn body =
        CheckIn.of(
            runningVersion().toString(),
            ctx.config().hardwareModel(),
            ctx.platform().readings(now),
            now,
            ctx.platform().zone());
    long start = System.nanoTime();
    try {
      Offer offer = ctx.api().checkIn(ctx.config().credentials(), body);
      ctx.listener()
          .checkedIn(offer.effectiveAction(), System.nanoTime() - start, offer.deferredReason());
      return Optional.of(offer);
    } catch (HttpFailure failure) {
      ctx.listener().httpError(failure.status());
      ctx.noteError(failure.code());
      return Optional.empty();
    } catch (IOException e) {
      ctx.listener().httpError(0);
      return Optional.empty();
    }
  }
}
