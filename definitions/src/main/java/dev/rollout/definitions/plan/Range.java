package dev.rollout.definitions.plan;

import java.math.BigDecimal;

/** An allowed numeric range, with the message that says so. */
record Range(
    double min, boolean minInclusive, double max, boolean maxInclusive, boolean openEnded) {

  static final Range RATE = between(0, 1);
  static final Range COUNT = atLeast(0);
  static final Range POSITIVE = atLeast(1);

  static Range between(double min, double max) {
    return new Range(min, true, max, true, false);
  }

  static Range atLeast(double min) {
    return new Range(min, true, Integer.MAX_VALUE, true, true);
  }

  boolean contains(double value) {
    boolean aboveMin = minInclusive ? value >= min : value > min;
    boolean belowMax = maxInclusive ? value <= max : value < max;
    return aboveMin && belowMax;
  }

  String violation(double value) {
    if (openEnded) {
      return value < min ? "must be at least " + format(min) : "must be at most " + format(max);
    }
    if (minInclusive && maxInclusive) {
      return "must be between " + format(min) + " and " + format(max);
    }
    String lower = (minInclusive ? "at least " : "greater than ") + format(min);
    String upper = (maxInclusive ? "at most " : "less than ") + format(max);
    return "must be " + lower + " and " + upper;
  }

  static String format(double value) {
    return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
  }
}
