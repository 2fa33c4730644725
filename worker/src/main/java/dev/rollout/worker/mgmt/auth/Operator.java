package dev.rollout.worker.mgmt.auth;

import static java.util.Objects.requireNonNull;

/**
 * Who sent a mgmt request, from the token: {@code name} is the {@code by} of every action it takes
 * (a {@code by} sent by the client is never trusted).
 */
public record Operator(String name, Role role) {

  /** The request attribute under which the authenticated operator is found. */
  public static final String ATTRIBUTE = "dev.rollout.mgmt.operator";

  public Operator {
    requireNonNull(name, "name");
    requireNonNull(role, "role");
  }
}
