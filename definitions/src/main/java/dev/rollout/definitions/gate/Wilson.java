package dev.rollout.definitions.gate;

/** The Wilson score interval of a binomial proportion. */
public final class Wilson {

  private Wilson() {}

  public record Interval(double lower, double upper) {}

  /**
   * Two-sided interval at {@code confidence} (such as 0.95) for {@code successes} out of {@code
   * trials}. With no trials nothing is known: [0, 1].
   */
  public static Interval interval(long successes, long trials, double confidence) {
    if (trials < 0 || successes < 0 || successes > trials) {
      throw new IllegalArgumentException(
          "need 0 <= successes <= trials, got " + successes + " of " + trials);
    }
    if (trials == 0) {
      return new Interval(0, 1);
    }
    double z = z(confidence);
    double n = trials;
    double p = successes / n;
    double z2 = z * z;
    double denominator = 1 + z2 / n;
    double centre = (p + z2 / (2 * n)) / denominator;
    double half = z * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / denominator;
    return new Interval(Math.max(0, centre - half), Math.min(1, centre + half));
  }

  /** The two-sided critical value: 0.95 gives 1.959964. */
  public static double z(double confidence) {
    if (!(confidence > 0 && confidence < 1)) {
      throw new IllegalArgumentException("confidence must be between 0 and 1, got " + confidence);
    }
    return Normal.inverseCdf(1 - (1 - confidence) / 2);
  }
}
