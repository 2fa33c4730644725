package dev.rollout.worker.cli;

import java.time.Duration;
import java.time.format.DateTimeParseException;

/** ISO-8601 durations as people write them in plans: {@code 3d 2h 20m}. */
final class Durations {

  private Durations() {}

  static String human(String iso) {
    Duration duration;
    try {
      duration = Duration.parse(iso);
    } catch (DateTimeParseException e) {
      return iso;
    }
    if (duration.isZero()) {
      return "0m";
    }
    StringBuilder text = new StringBuilder();
    append(text, duration.toDaysPart(), "d");
    append(text, duration.toHoursPart(), "h");
    append(text, duration.toMinutesPart(), "m");
    append(text, duration.toSecondsPart(), "s");
    return text.toString().strip();
  }

  private static void append(StringBuilder text, long amount, String unit) {
    if (amount > 0) {
      text.append(' ').append(amount).append(unit);
    }
  }
}
