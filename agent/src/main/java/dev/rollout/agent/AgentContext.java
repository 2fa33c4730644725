package dev.rollout.agent;

import dev.rollout.definitions.release.Verification;
import java.util.function.Function;

/** What an agent's jobs share: its settings, its device, its outbox and its last error. */
final class AgentContext {

  private final AgentConfig config;
  private final DeviceApiClient api;
  private final Slots slots;
  private final Platform platform;
  private final AgentClock clock;
  private final AgentListener listener;
  private final EventOutbox outbox;
  private final AgentServices services;
  private long eventSequence;
  private String lastErrorCode;

  AgentContext(
      AgentConfig config,
      DeviceApiClient api,
      Slots slots,
      Platform platform,
      AgentClock clock,
      AgentListener listener,
      AgentServices services) {
    this.config = config;
    this.api = api;
    this.slots = slots;
    this.platform = platform;
    this.clock = clock;
    this.listener = listener;
    this.outbox = new EventOutbox(config.retryDelay());
    this.services = services;
  }

  AgentConfig config() {
    return config;
  }

  DeviceApiClient api() {
    return api;
  }

  Slots slots() {
    return slots;
  }

  Platform platform() {
    return platform;
  }

  AgentClock clock() {
    return clock;
  }

  AgentListener listener() {
    return listener;
  }

  EventOutbox outbox() {
    return outbox;
  }

  /** Checks a signed manifest's JSON against the trusted keys. */
  Function<String, Verification> verifier() {
    return services.verifier();
  }

  DeltaPatcher patcher() {
    return services.patcher();
  }

  /** Stable once made: a retried batch carries the same ids. */
  String nextEventId() {
    return config.eventIdPrefix() + "-" + (++eventSequence);
  }

  void noteError(String code) {
    lastErrorCode = code;
  }

  String lastErrorCode() {
    return lastErrorCode;
  }
}
