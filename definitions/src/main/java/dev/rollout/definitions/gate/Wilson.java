package dev.rollout.definitions.gate;

/** The Wilson score interval of a binomial proportion. */
public final class Wilson {

  private Wilson() {}

  public record Interval(double lower, double upper) {}

  /**
   * Two-sided interval at {@code confidence} (such as 0.95) for {@code successes} out of {@code
   * trials}.
   */
  public static Interval interval(long successes, long trials, double confidence) {
    throw new UnsupportedOperationException("TODO");
  }
}
