package dev.rollout.agent;

import java.util.List;

/** What an agent does, for counters (the simulator's live statistics) and logs. */
public interface AgentListener {

  AgentListener NONE = new AgentListener() {};

  /** A check-in answered; {@code deferredReason} is null unless the server held the device back. */
  default void checkedIn(Action action, long latencyNanos, String deferredReason) {}

  /** A batch the server took; {@code accepted} excludes duplicates of events it already had. */
  default void eventsSent(int events, int accepted) {}

  /**
   * The server answered 200 for these events of the device: each is stored (or was already), so a
   * test can compare what devices sent with what the store holds.
   */
  default void eventsAcknowledged(String deviceId, List<String> eventIds) {}

  /** A batch the server refused with a 4xx: dropped, never retried. */
  default void eventsDropped(int events, String code) {}

  /** A failure the agent reported ({@code FAILED} or {@code ROLLBACK_FAILED}) or fell back from. */
  default void failed(String errorCode) {}

  /** A deferral the agent decided itself (its own preflight). */
  default void deferred(String reason) {}

  /** The device now runs a new version after an update or a rollback. */
  default void switched(String version, boolean rollback) {}

  /** An HTTP error status, or 0 for a network error. */
  default void httpError(int status) {}
}
