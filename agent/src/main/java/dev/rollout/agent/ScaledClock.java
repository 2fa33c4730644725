package dev.rollout.agent;

import java.time.Instant;

/** Real time since {@code originNanos}, times {@code speed}, after {@code origin}. */
record ScaledClock(Instant origin, long originNanos, double speed) implements AgentClock {

  ScaledClock {
    if (!(speed >= 1 && speed <= 100_000)) {
      throw new IllegalArgumentException("speed must be between 1 and 100000, got " + speed);
    }
  }

  @Override
  public Instant now() {
    long elapsed = System.nanoTime() - originNanos;
    return origin.plusNanos((long) (elapsed * speed));
  }
}
