package dev.rollout.activities.device;

import static java.util.Objects.requireNonNull;

/** What recording an event batch gave. */
public sealed interface EventsResult {

  /**
   * The batch was stored.
   *
   * @param duplicates events already stored with the same content (counted once)
   */
  record Recorded(int accepted, int duplicates) implements EventsResult {}

  /**
   * Nothing of the batch was stored.
   *
   * @param code {@code EVENT_ID_REUSED}, {@code EVENT_OUT_OF_ORDER} or {@code NO_ASSIGNMENT}
   */
  record Rejected(String code, String message) implements EventsResult {
    public Rejected {
      requireNonNull(code, "code");
      requireNonNull(message, "message");
    }
  }
}
