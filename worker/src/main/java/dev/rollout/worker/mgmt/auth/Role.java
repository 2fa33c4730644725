package dev.rollout.worker.mgmt.auth;

import java.util.Locale;
import java.util.Optional;

/** Operator roles, ordered: an admin may do what an operator may, an operator what a viewer may. */
public enum Role {
  VIEWER,
  OPERATOR,
  ADMIN;

  public boolean covers(Role needed) {
    return compareTo(needed) >= 0;
  }

  /** As stored and sent: {@code viewer}, {@code operator}, {@code admin}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<Role> named(String name) {
    for (Role role : values()) {
      if (role.wireName().equals(name)) {
        return Optional.of(role);
      }
    }
    return Optional.empty();
  }
}
