package dev.rollout.activities.mgmt;

import dev.rollout.definitions.plan.Rate;
import java.time.Duration;

/**
 * How long offering devices takes at a plan's rate, with its ramp: the workflow's wave planner
 * offers {@code perMinute(assigned so far)} devices a minute.
 */
final class RateEstimate {

  private RateEstimate() {}

  static Duration assignFor(Rate rate, long alreadyAssigned, long devices) {
    if (rate.unlimited() || devices <= 0) {
      return Duration.ZERO;
    }
    long minutes = 0;
    long done = 0;
    while (done < devices) {
      long perMinute = perMinute(rate, alreadyAssigned + done);
      long untilNextStep =
          rate.ramp() == null
              ? devices - done
              : rate.ramp().every() - (alreadyAssigned + done) % rate.ramp().every();
      long batch = Math.min(devices - done, Math.max(untilNextStep, 1));
      long batchMinutes = (batch + perMinute - 1) / perMinute;
      minutes += batchMinutes;
      done += Math.min(devices - done, batchMinutes * perMinute);
    }
    return Duration.ofMinutes(minutes);
  }

  /** As {@code WavePlanner.perMinute}: the ramp's start times its factor every step, capped. */
  static long perMinute(Rate rate, long assignedTotal) {
    Rate.Ramp ramp = rate.ramp();
    if (ramp == null) {
      return rate.maxPerMinute();
    }
    long steps = assignedTotal / ramp.every();
    double ramped = ramp.startPerMinute() * Math.pow(ramp.factor(), Math.min(steps, 64));
    return (long) Math.max(1, Math.min(rate.maxPerMinute(), Math.floor(ramped)));
  }
}
