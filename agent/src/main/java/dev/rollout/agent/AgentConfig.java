package dev.rollout.agent;

import static java.util.Objects.requireNonNull;

import dev.rollout.agent.DeviceApiClient.Credentials;
import dev.rollout.definitions.release.TrustedKeys;
import java.time.Duration;

/**
 * One device's agent settings.
 *
 * @param trustedKeys the release keys this device accepts; several during a key rotation
 * @param checkInInterval when the server names no interval
 * @param retryDelay after a network error, before trying again
 * @param maxDownloadAttempts interrupted transfers resumed before the download is reported failed
 * @param eventIdPrefix makes this device's event ids unique across its restarts (a boot id)
 */
public record AgentConfig(
    Credentials credentials,
    String hardwareModel,
    TrustedKeys trustedKeys,
    Duration checkInInterval,
    Duration retryDelay,
    int maxDownloadAttempts,
    String eventIdPrefix) {

  public AgentConfig {
    requireNonNull(credentials, "credentials");
    requireNonNull(hardwareModel, "hardwareModel");
    requireNonNull(trustedKeys, "trustedKeys");
    requirePositive(checkInInterval, "checkInInterval");
    requirePositive(retryDelay, "retryDelay");
    if (maxDownloadAttempts < 1) {
      throw new IllegalArgumentException("maxDownloadAttempts must be at least 1");
    }
    if (!eventIdPrefix.matches("[A-Za-z0-9._:-]{1,40}")) {
      throw new IllegalArgumentException(
          "eventIdPrefix must be 1-40 characters of [A-Za-z0-9._:-], got '" + eventIdPrefix + "'");
    }
  }

  /** Ten-minute check-ins, ten-second retries, five download attempts. */
  public static AgentConfig of(
      Credentials credentials, String hardwareModel, TrustedKeys trustedKeys, String bootId) {
    return new AgentConfig(
        credentials,
        hardwareModel,
        trustedKeys,
        Duration.ofMinutes(10),
        Duration.ofSeconds(10),
        5,
        bootId);
  }

  public AgentConfig withCheckInInterval(Duration interval) {
    return new AgentConfig(
        credentials,
        hardwareModel,
        trustedKeys,
        interval,
        retryDelay,
        maxDownloadAttempts,
        eventIdPrefix);
  }

  private static void requirePositive(Duration duration, String name) {
    if (requireNonNull(duration, name).isNegative() || duration.isZero()) {
      throw new IllegalArgumentException(name + " must be positive, got " + duration);
    }
  }
}
