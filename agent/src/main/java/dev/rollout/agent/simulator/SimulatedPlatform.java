package dev.rollout.agent.simulator;

import dev.rollout.agent.Platform;
import dev.rollout.agent.Readings;
import dev.rollout.definitions.version.SemVer;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.SplittableRandom;

/**
 * A simulated device's hardware: fixed readings from its definition, and seeded dice for the
 * release's behaviour on its model. One agent uses it at a time.
 */
final class SimulatedPlatform implements Platform {

  private final SimDevice device;
  private final Behaviours behaviours;
  private final Timings timings;
  private final SplittableRandom random;
  private final Readings readings;

  SimulatedPlatform(SimDevice device, Behaviours behaviours, Timings timings) {
    this.device = device;
    this.behaviours = behaviours;
    this.timings = timings;
    this.random = new SplittableRandom(device.seed());
    boolean low = device.batteryPercent() < 30;
    this.readings =
        new Readings(
            device.batteryPercent(),
            !low && device.batteryPercent() > 90,
            device.freeStorageBytes(),
            device.metered() ? "cellular" : "wifi",
            device.metered(),
            device.networkQuality());
  }

  /** The simulated durations, in agent clock time, each spread ±50% per device and attempt. */
  record Timings(Duration download, Duration install, Duration reboot) {}

  @Override
  public Readings readings(Instant now) {
    return readings;
  }

  @Override
  public ZoneId zone() {
    return device.zone();
  }

  @Override
  public boolean online() {
    return !device.offline();
  }

  @Override
  public boolean userApprovesMeteredDownload(String version) {
    return device.approvesMetered();
  }

  @Override
  public boolean install(SemVer version) {
    return !roll(behaviour(version).installFailure());
  }

  @Override
  public boolean boots(SemVer version) {
    return !roll(behaviour(version).bootLoop());
  }

  @Override
  public boolean healthy(SemVer version) {
    return !roll(behaviour(version).unhealthy());
  }

  @Override
  public Duration downloadTime(long bytes) {
    return spread(timings.download());
  }

  @Override
  public Duration installTime(SemVer version) {
    return spread(timings.install());
  }

  @Override
  public Duration rebootTime() {
    return spread(timings.reboot());
  }

  private Behaviour behaviour(SemVer version) {
    return behaviours.of(version.toString(), device.hardwareModel());
  }

  private boolean roll(double probability) {
    return random.nextDouble() < probability;
  }

  private Duration spread(Duration base) {
    return Duration.ofMillis((long) (base.toMillis() * (0.5 + random.nextDouble())));
  }
}
