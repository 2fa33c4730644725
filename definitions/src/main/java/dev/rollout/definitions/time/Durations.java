package dev.rollout.definitions.time;

import java.time.Duration;

/**
 * The plan's duration syntax: a positive whole number and a unit, {@code 90s}, {@code 15m}, {@code
 * 2h}, {@code 14d}.
 */
public final class Durations {

  private Durations() {}

  /** Throws IllegalArgumentException with a clear message. */
  public static Duration parse(String text) {
    throw new UnsupportedOperationException("TODO");
  }

  /** The shortest exact form: {@code 2h}, {@code 90s}. */
  public static String format(Duration duration) {
    throw new UnsupportedOperationException("TODO");
  }
}
