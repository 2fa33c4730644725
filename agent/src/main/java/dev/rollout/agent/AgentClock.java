package dev.rollout.agent;

import java.time.Instant;

/**
 * The agent's time. A real agent runs at speed 1; the simulator runs thousands of agents on an
 * accelerated clock, so that a 10-minute check-in interval passes in seconds. Every duration the
 * agent reports or waits is in this clock's time; the runtime divides waits by {@link #speed()}.
 */
public interface AgentClock {

  Instant now();

  /** How many clock seconds pass per real second (1 for a real device). */
  double speed();

  static AgentClock system() {
    return accelerated(1);
  }

  /** Starts at the real current instant and runs {@code speed} times faster than real time. */
  static AgentClock accelerated(double speed) {
    return new ScaledClock(Instant.now(), System.nanoTime(), speed);
  }
}
