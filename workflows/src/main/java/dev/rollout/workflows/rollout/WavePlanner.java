package dev.rollout.workflows.rollout;

import dev.rollout.definitions.plan.Rate;
import java.time.Duration;

/**
 * Sizes the next wave of a phase from the plan's rate. Pure. Waves are one minute apart at the
 * plan's rate; a phase that would need more than {@code maxWaves} waves gets larger waves, less
 * often, at the same rate, so the history stays bounded.
 */
final class WavePlanner {

  record Wave(long limit, Duration pause) {}

  private WavePlanner() {}

  static Wave next(Rate rate, long assignedTotal, long remaining, int maxWaves) {
    if (rate.unlimited()) {
      return new Wave(Long.MAX_VALUE, Duration.ZERO);
    }
    long perMinute = perMinute(rate, assignedTotal);
    long minutesNeeded = ceilDiv(Math.max(remaining, 1), perMinute);
    long minutesPerWave = Math.max(1, ceilDiv(minutesNeeded, maxWaves));
    return new Wave(perMinute * minutesPerWave, Duration.ofMinutes(minutesPerWave));
  }

  /**
   * The rate after {@code assignedTotal} devices: the ramp's start, times its factor every step,
   * capped.
   */
  static long perMinute(Rate rate, long assignedTotal) {
    Rate.Ramp ramp = rate.ramp();
    if (ramp == null) {
      return rate.maxPerMinute();
    }
    long steps = assignedTotal / ramp.every();
    double ramped = ramp.startPerMinute() * Math.pow(ramp.factor(), Math.min(steps, 64));
    return (long) Math.max(1, Math.min(rate.maxPerMinute(), Math.floor(ramped)));
  }

  private static long ceilDiv(long a, long b) {
    return (a + b - 1) / b;
  }
}
