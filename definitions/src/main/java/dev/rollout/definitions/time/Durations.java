package dev.rollout.definitions.time;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The plan's duration syntax: a positive whole number and a unit, {@code 90s}, {@code 15m}, {@code
 * 2h}, {@code 14d}.
 */
public final class Durations {

  /** The longest duration a plan may state; anything longer is a typo, not a plan. */
  public static final Duration MAX = Duration.ofDays(365);

  private static final Pattern SYNTAX = Pattern.compile("([0-9]{1,12})([smhd])");

  private Durations() {}

  /** Throws IllegalArgumentException with a clear message. */
  public static Duration parse(String text) {
    Matcher matcher = SYNTAX.matcher(text == null ? "" : text);
    if (!matcher.matches()) {
      throw new IllegalArgumentException(
          "expected a duration such as 90s, 15m, 2h or 14d, got '" + text + "'");
    }
    long amount = Long.parseLong(matcher.group(1));
    if (amount == 0) {
      throw new IllegalArgumentException("must be positive, got '" + text + "'");
    }
    return switch (matcher.group(2)) {
      case "s" -> Duration.ofSeconds(amount);
      case "m" -> Duration.ofMinutes(amount);
      case "h" -> Duration.ofHours(amount);
      default -> Duration.ofDays(amount);
    };
  }

  /** The shortest exact form: {@code 2h}, {@code 90s}. */
  public static String format(Duration duration) {
    if (duration.isNegative() || duration.getNano() != 0) {
      throw new IllegalArgumentException(
          "only whole, non-negative seconds can be written, got " + duration);
    }
    long seconds = duration.getSeconds();
    if (seconds != 0 && seconds % 86_400 == 0) {
      return seconds / 86_400 + "d";
    }
    if (seconds != 0 && seconds % 3_600 == 0) {
      return seconds / 3_600 + "h";
    }
    if (seconds != 0 && seconds % 60 == 0) {
      return seconds / 60 + "m";
    }
    return seconds + "s";
  }
}
