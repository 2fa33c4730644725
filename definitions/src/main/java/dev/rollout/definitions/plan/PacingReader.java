package dev.rollout.definitions.plan;

import java.time.Duration;
import java.util.List;

/** {@code rate} and {@code window}: how fast devices are offered the update, and for how long. */
final class PacingReader {

  private static final List<String> RATE_FIELDS = List.of("maxPerMinute", "ramp");
  private static final List<String> RAMP_FIELDS = List.of("startPerMinute", "factor", "every");
  private static final List<String> WINDOW_FIELDS = List.of("closesAfter");
  private static final Range PER_MINUTE = Range.between(1, 1_000_000);
  private static final Range FACTOR = new Range(1, false, 100, true, false);

  private PacingReader() {}

  static Rate rate(Node node) {
    if (!node.isPresent()) {
      return Rate.UNLIMITED;
    }
    if (!node.isObjectOf(RATE_FIELDS)) {
      return null;
    }
    int before = node.problems().size();
    Node max = node.field("maxPerMinute");
    Node rampNode = node.field("ramp");
    if (!max.isPresent() && rampNode.isPresent()) {
      // a ramp multiplies the rate: without a ceiling it would never stop growing
      max.problem("REQUIRED", "is required with a ramp");
    }
    Integer maxPerMinute = Values.integer(max, PER_MINUTE);
    Rate.Ramp ramp = ramp(rampNode, maxPerMinute);
    if (node.problems().size() != before) {
      return null;
    }
    return maxPerMinute == null ? Rate.UNLIMITED : new Rate(maxPerMinute, ramp);
  }

  private static Rate.Ramp ramp(Node node, Integer maxPerMinute) {
    if (!node.isPresent() || !node.isObjectOf(RAMP_FIELDS)) {
      return null;
    }
    int before = node.problems().size();
    Node start = node.field("startPerMinute");
    Node factor = node.field("factor");
    Node every = node.field("every");
    List.of(start, factor, every).forEach(Node::requirePresent);
    Integer startPerMinute = Values.integer(start, PER_MINUTE);
    Double growth = Values.number(factor, FACTOR);
    Integer step = Values.integer(every, Range.POSITIVE);
    if (startPerMinute != null && maxPerMinute != null && startPerMinute > maxPerMinute) {
      start.problem(
          "CONTRADICTION",
          "must not exceed rate.maxPerMinute (" + maxPerMinute + "), got " + startPerMinute);
    }
    return node.problems().size() == before ? new Rate.Ramp(startPerMinute, growth, step) : null;
  }

  /** Null when invalid; the default window when absent. */
  static Window window(Node node) {
    if (!node.isPresent()) {
      return new Window(Window.DEFAULT_CLOSES_AFTER);
    }
    if (!node.isObjectOf(WINDOW_FIELDS)) {
      return null;
    }
    Node closesAfter = node.field("closesAfter");
    Duration duration = Values.duration(closesAfter);
    if (duration == null) {
      return closesAfter.isPresent() ? null : new Window(Window.DEFAULT_CLOSES_AFTER);
    }
    return new Window(duration);
  }
}
