package dev.rollout.workflows.rollout;

import java.util.Locale;
import java.util.Optional;

/** What an operator or another service can ask of a running rollout. */
public enum ControlAction {
  PAUSE,
  RESUME,
  ABORT,
  ROLLBACK,
  APPROVE;

  static Optional<ControlAction> named(String name) {
    for (ControlAction action : values()) {
      if (action.name().equals(name.toUpperCase(Locale.ROOT))) {
        return Optional.of(action);
      }
    }
    return Optional.empty();
  }

  String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
