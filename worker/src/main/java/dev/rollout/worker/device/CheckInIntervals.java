package dev.rollout.worker.device;

import dev.rollout.definitions.device.Decision;
import dev.rollout.worker.config.CheckInProperties;

/**
 * The {@code nextCheckInSeconds} of a check-in answer: the idle interval when there is nothing to
 * do, the shorter active one while the device has something in flight, both scaled by the device's
 * own factor in [1 - jitter, 1 + jitter]. The factor comes from a hash of the device id, so it is
 * the same at every check-in and on every worker: devices that checked in together drift apart by
 * up to twice the jitter of an interval at each check-in, instead of coming back in lockstep.
 */
final class CheckInIntervals {

  private final long idleSeconds;
  private final long activeSeconds;
  private final double jitter;

  CheckInIntervals(CheckInProperties properties) {
    this.idleSeconds = properties.idle().toSeconds();
    this.activeSeconds = properties.active().toSeconds();
    this.jitter = properties.jitter();
  }

  int seconds(String deviceId, Decision decision) {
    long base = inFlight(decision) ? activeSeconds : idleSeconds;
    return (int) Math.max(1, Math.round(base * factor(deviceId)));
  }

  /**
   * Everything but NONE: an offer (an install in progress is offered again), a cancellation to act
   * on, a deferral whose condition (battery, storage, network, off-peak window) may clear.
   */
  static boolean inFlight(Decision decision) {
    return !(decision instanceof Decision.None);
  }

  private double factor(String deviceId) {
    return 1 + jitter * (2 * unitHash(deviceId) - 1);
  }

  /** In [0, 1): String.hashCode (fixed by the language) spread by MurmurHash3's finaliser. */
  static double unitHash(String deviceId) {
    int h = deviceId.hashCode();
    h ^= h >>> 16;
    h *= 0x85ebca6b;
    h ^= h >>> 13;
    h *= 0xc2b2ae35;
    h ^= h >>> 16;
    return Integer.toUnsignedLong(h) / 4294967296.0;
  }
}
