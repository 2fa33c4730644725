package dev.rollout.activities.device;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * What an import did.
 *
 * @param tokens one per created device, in import order; existing devices keep their token
 */
public record ImportResult(long created, long updated, List<IssuedToken> tokens) {

  public ImportResult {
    tokens = List.copyOf(requireNonNull(tokens, "tokens"));
  }

  /** A device's new token, shown exactly once. */
  public record IssuedToken(String deviceId, String token) {
    public IssuedToken {
      requireNonNull(deviceId, "deviceId");
      requireNonNull(token, "token");
    }
  }
}
