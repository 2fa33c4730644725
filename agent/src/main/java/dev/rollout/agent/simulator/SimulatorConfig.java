package dev.rollout.agent.simulator;

import static java.util.Objects.requireNonNull;

import dev.rollout.definitions.release.TrustedKeys;
import java.net.URI;
import java.time.Duration;

/**
 * A simulation: the fleet, how it behaves, and how fast it runs. Durations are in simulated time;
 * {@code speed} simulated seconds pass per real second.
 *
 * @param baseUri the engine's address; device API under {@code /device/v1}, import under {@code
 *     /mgmt/v1}
 * @param adminToken an operator token allowed to import devices
 * @param workerThreads the pool that runs agents' steps (they block on HTTP)
 */
public record SimulatorConfig(
    URI baseUri,
    String adminToken,
    FleetSpec fleet,
    long seed,
    TrustedKeys trustedKeys,
    Behaviours behaviours,
    double speed,
    Duration checkInInterval,
    Duration downloadTime,
    Duration installTime,
    Duration rebootTime,
    int workerThreads) {

  public SimulatorConfig {
    requireNonNull(baseUri, "baseUri");
    requireNonNull(adminToken, "adminToken");
    requireNonNull(fleet, "fleet");
    requireNonNull(trustedKeys, "trustedKeys");
    requireNonNull(behaviours, "behaviours");
    requireNonNull(checkInInterval, "checkInInterval");
    requireNonNull(downloadTime, "downloadTime");
    requireNonNull(installTime, "installTime");
    requireNonNull(rebootTime, "rebootTime");
    if (!(speed >= 1 && speed <= 100_000)) {
      throw new IllegalArgumentException("speed must be between 1 and 100000, got " + speed);
    }
    if (workerThreads < 1 || workerThreads > 1_000) {
      throw new IllegalArgumentException("workerThreads must be 1..1000, got " + workerThreads);
    }
  }

  /**
   * Ten-minute check-ins, two-minute downloads, one-minute installs, 30-second reboots, at 60x (a
   * check-in every ten real seconds per device), 32 worker threads.
   */
  public static SimulatorConfig of(
      URI baseUri, String adminToken, FleetSpec fleet, long seed, TrustedKeys trustedKeys) {
    return new SimulatorConfig(
        baseUri,
        adminToken,
        fleet,
        seed,
        trustedKeys,
        Behaviours.allGood(),
        60,
        Duration.ofMinutes(10),
        Duration.ofMinutes(2),
        Duration.ofMinutes(1),
        Duration.ofSeconds(30),
        32);
  }

  public SimulatorConfig withBehaviours(Behaviours behaviours) {
    return new SimulatorConfig(
        baseUri,
        adminToken,
        fleet,
        seed,
        trustedKeys,
        behaviours,
        speed,
        checkInInterval,
        downloadTime,
        installTime,
        rebootTime,
        workerThreads);
  }

  public SimulatorConfig withPace(double speed, Duration checkInInterval) {
    return new SimulatorConfig(
        baseUri,
        adminToken,
        fleet,
        seed,
        trustedKeys,
        behaviours,
        speed,
        checkInInterval,
        downloadTime,
        installTime,
        rebootTime,
        workerThreads);
  }
}
