package dev.rollout.agent;

import dev.rollout.agent.DeviceApiClient.Credentials;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Events waiting for the server, oldest first. Sent in batches of at most {@value #BATCH}; a batch
 * that meets a network error or a 5xx stays and is sent again with the same event ids (the server
 * counts it once); a batch the server refuses with a 4xx (but 408 and 429) is dropped with a log
 * line, because sending it again would be refused again, forever.
 */
final class EventOutbox {

  static final int BATCH = 100;

  /** Bounds memory when the server is gone for good: the oldest events go first. */
  static final int CAPACITY = 1_000;

  private static final System.Logger LOG = System.getLogger(EventOutbox.class.getName());

  private final ArrayDeque<Event> pending = new ArrayDeque<>();
  private final Duration backOff;
  private Instant retryAt = Instant.MIN;

  EventOutbox(Duration backOff) {
    this.backOff = backOff;
  }

  void add(Event event) {
    if (pending.size() == CAPACITY) {
      LOG.log(Level.WARNING, "event outbox full, dropping " + pending.removeFirst().eventId());
    }
    pending.addLast(event);
  }

  boolean isEmpty() {
    return pending.isEmpty();
  }

  /** Sends what is pending; answers when to try again if anything is left. */
  Optional<Instant> flush(AgentContext ctx) {
    Instant now = ctx.clock().now();
    if (pending.isEmpty()) {
      return Optional.empty();
    }
    if (now.isBefore(retryAt)) {
      return Optional.of(retryAt);
    }
    while (!pending.isEmpty()) {
      List<Event> batch = new ArrayList<>(pending).subList(0, Math.min(BATCH, pending.size()));
      Optional<Duration> retry = send(ctx, ctx.config().credentials(), batch);
      if (retry.isPresent()) {
        retryAt = now.plus(scale(retry.get(), ctx.clock().speed()));
        return Optional.of(retryAt);
      }
      batch.forEach(event -> pending.removeFirst());
    }
    return Optional.empty();
  }

  private Optional<Duration> send(AgentContext ctx, Credentials device, List<Event> batch) {
    try {
      int accepted = ctx.api().postEvents(device, batch);
      ctx.listener().eventsSent(batch.size(), accepted);
      ctx.listener()
          .eventsAcknowledged(device.deviceId(), batch.stream().map(Event::eventId).toList());
      return Optional.empty();
    } catch (HttpFailure failure) {
      ctx.listener().httpError(failure.status());
      if (failure.retryable()) {
        return Optional.of(failure.retryAfter().orElse(backOff));
      }
      LOG.log(
          Level.WARNING,
          device.deviceId() + ": dropping " + batch.size() + " events: " + failure.getMessage());
      ctx.listener().eventsDropped(batch.size(), failure.code());
      return Optional.empty();
    } catch (IOException e) {
      ctx.listener().httpError(0);
      return Optional.of(backOff);
    }
  }

  /** A wait the server asked for in real seconds, in the agent clock's time. */
  private static Duration scale(Duration real, double speed) {
    return Duration.ofMillis((long) (real.toMillis() * speed));
  }
}
