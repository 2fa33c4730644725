package dev.rollout.definitions.plan;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.time.LocalTime;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A daily time window in device-local time, such as {@code 01:00-05:00}; it may wrap midnight. In
 * JSON it is that same string.
 */
public record DailyWindow(LocalTime start, LocalTime end) {

  private static final Pattern SYNTAX =
      Pattern.compile("([01][0-9]|2[0-3]):([0-5][0-9])-([01][0-9]|2[0-3]):([0-5][0-9])");

  public DailyWindow {
    requireNonNull(start, "start");
    requireNonNull(end, "end");
    if (start.equals(end)) {
      // equal ends could mean "never" or "always": refuse to guess
      throw new IllegalArgumentException(
          "start and end are both " + start + ": the window is empty");
    }
  }

  /** Parses {@code HH:MM-HH:MM}; throws IllegalArgumentException with a clear message. */
  @JsonCreator
  public static DailyWindow parse(String text) {
    Matcher matcher = SYNTAX.matcher(text == null ? "" : text);
    if (!matcher.matches()) {
      throw new IllegalArgumentException(
          "expected a daily window HH:MM-HH:MM such as '01:00-05:00', got '" + text + "'");
    }
    return new DailyWindow(
        time(matcher.group(1), matcher.group(2)), time(matcher.group(3), matcher.group(4)));
  }

  public boolean contains(LocalTime time) {
    return start.isBefore(end)
        ? !time.isBefore(start) && time.isBefore(end)
        : !time.isBefore(start) || time.isBefore(end);
  }

  @JsonValue
  @Override
  public String toString() {
    return start + "-" + end;
  }

  private static LocalTime time(String hours, String minutes) {
    return LocalTime.of(Integer.parseInt(hours), Integer.parseInt(minutes));
  }
}
