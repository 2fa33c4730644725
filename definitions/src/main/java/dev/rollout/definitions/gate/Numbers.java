package dev.rollout.definitions.gate;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Numbers in verdict reasons: four decimals at most, no trailing zeros, no locale. */
final class Numbers {

  private Numbers() {}

  static String format(double value) {
    return BigDecimal.valueOf(value)
        .setScale(4, RoundingMode.HALF_EVEN)
        .stripTrailingZeros()
        .toPlainString();
  }

  static double ratio(long part, long whole) {
    return whole == 0 ? 0.0 : (double) part / whole;
  }
}
