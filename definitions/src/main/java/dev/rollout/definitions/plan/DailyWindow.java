package dev.rollout.definitions.plan;

import static java.util.Objects.requireNonNull;

import java.time.LocalTime;

/** A daily time window in device-local time, such as {@code 01:00-05:00}; it may wrap midnight. */
public record DailyWindow(LocalTime start, LocalTime end) {

  public DailyWindow {
    requireNonNull(start, "start");
    requireNonNull(end, "end");
  }

  public boolean contains(LocalTime time) {
    return start.isBefore(end)
        ? !time.isBefore(start) && time.isBefore(end)
        : !time.isBefore(start) || time.isBefore(end);
  }

  @Override
  public String toString() {
    return start + "-" + end;
  }
}
