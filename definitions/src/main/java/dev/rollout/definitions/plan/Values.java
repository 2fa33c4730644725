package dev.rollout.definitions.plan;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rollout.definitions.time.Durations;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Typed reads of a node. Each returns null when the node is absent (the caller applies a default or
 * reports it as required) and records a problem and returns null when it is present but wrong.
 */
final class Values {

  // how YAML and JavaScript spell the non-finite numbers, when they arrive as strings
  private static final Pattern NOT_FINITE =
      Pattern.compile("[+-]?(\\.?(nan|NaN|NAN|inf|Inf|INF)|Infinity)");

  private Values() {}

  static String text(Node node) {
    return node.isPresent() && node.expect(node.value().isTextual(), "a string")
        ? node.value().textValue()
        : null;
  }

  static Boolean bool(Node node) {
    return node.isPresent() && node.expect(node.value().isBoolean(), "true or false")
        ? node.value().booleanValue()
        : null;
  }

  static Integer integer(Node node, Range range) {
    Long whole = whole(node, range);
    return whole == null ? null : Math.toIntExact(whole);
  }

  /** A whole number in {@code range} (whose bounds must fit a long). */
  static Long whole(Node node, Range range) {
    if (!node.isPresent() || !finite(node)) {
      return null;
    }
    JsonNode value = node.value();
    if (!node.expect(value.isIntegralNumber(), "a whole number")) {
      return null;
    }
    boolean fits = value.canConvertToLong() && range.contains(value.longValue());
    return inRange(node, fits, range) ? value.longValue() : null;
  }

  static Double number(Node node, Range range) {
    if (!node.isPresent() || !finite(node)) {
      return null;
    }
    if (!node.expect(node.value().isNumber(), "a number")) {
      return null;
    }
    double value = node.value().doubleValue();
    return inRange(node, range.contains(value), range) ? value : null;
  }

  /** A string parsed by {@code parser}, whose IllegalArgumentException becomes {@code code}. */
  static <T> T parsed(Node node, String code, String expected, Function<String, T> parser) {
    if (!node.isPresent()) {
      return null;
    }
    if (!node.value().isTextual()) {
      node.problem(code, "expected " + expected + ", got " + Describe.value(node.value()));
      return null;
    }
    String text = node.value().textValue();
    try {
      return parser.apply(text);
    } catch (IllegalArgumentException e) {
      // parsers quote what they were given: quote it short and visible instead
      String quoted = "'" + text + "'";
      String shown = text.isEmpty() ? quoted : "'" + Describe.truncate(text) + "'";
      node.problem(code, String.valueOf(e.getMessage()).replace(quoted, shown));
      return null;
    }
  }

  static Duration duration(Node node) {
    Duration duration =
        parsed(
            node, "INVALID_DURATION", "a duration such as 90s, 15m, 2h or 14d", Durations::parse);
    if (duration != null && duration.compareTo(Durations.MAX) > 0) {
      node.problem(
          "OUT_OF_RANGE",
          "must be at most "
              + Durations.format(Durations.MAX)
              + ", got "
              + node.value().textValue());
      return null;
    }
    return duration;
  }

  /** The constants of an enum by their plan spelling, in declaration order. */
  static <E> Map<String, E> spellings(E[] constants, Function<E, String> spelling) {
    Map<String, E> map = new LinkedHashMap<>();
    for (E constant : constants) {
      map.put(spelling.apply(constant), constant);
    }
    return map;
  }

  /** One of the keys of {@code choices}, exactly as written there (case matters). */
  static <E> E choice(Node node, Map<String, E> choices) {
    String text = text(node);
    if (text == null) {
      return null;
    }
    E chosen = choices.get(text);
    if (chosen == null) {
      String hint =
          Suggestions.closest(text, choices.keySet())
              .map(s -> "; did you mean '" + s + "'?")
              .orElse("");
      node.problem(
          "INVALID_VALUE",
          "must be one of "
              + String.join(", ", choices.keySet())
              + ", got "
              + Describe.value(node.value())
              + hint);
    }
    return chosen;
  }

  /** A list of labels of one kind. */
  static List<String> strings(Node node, Label label) {
    if (!node.isPresent() || !node.expect(node.value().isArray(), "a list of strings")) {
      return null;
    }
    List<String> strings = new ArrayList<>();
    for (Node element : node.elements()) {
      String text = text(element);
      if (text != null && nonBlank(element, text) && isLabel(element, text, label)) {
        strings.add(text);
      }
    }
    return strings.size() == node.value().size() ? strings : null;
  }

  static Map<String, String> stringMap(Node node) {
    if (!node.isPresent() || !node.expect(node.value().isObject(), "a map of strings")) {
      return null;
    }
    Map<String, String> map = new LinkedHashMap<>();
    for (Map.Entry<String, Node> field : node.fields()) {
      String name = field.getKey();
      Node entry = field.getValue();
      String text = entry.value().isTextual() ? entry.value().textValue() : null;
      if (text == null) {
        entry.problem(
            "WRONG_TYPE",
            "expected a string, got "
                + Describe.value(entry.value())
                + (entry.value().isValueNode() ? " (quote it)" : ""));
      } else if (nonBlank(entry, name)
          && isLabel(entry, name, Label.TAG_KEY)
          && isLabel(entry, text, Label.TAG_VALUE)) {
        map.put(name, text);
      }
    }
    return map.size() == node.value().size() ? map : null;
  }

  private static boolean nonBlank(Node node, String text) {
    if (text.isBlank()) {
      node.problem("INVALID_VALUE", "must not be blank");
      return false;
    }
    return true;
  }

  private static boolean isLabel(Node node, String text, Label label) {
    String problem = label.problem(text);
    if (problem != null) {
      node.problem("INVALID_VALUE", problem);
    }
    return problem == null;
  }

  private static boolean inRange(Node node, boolean fits, Range range) {
    if (!fits) {
      node.problem(
          "OUT_OF_RANGE",
          range.violation(node.value().doubleValue()) + ", got " + Describe.value(node.value()));
    }
    return fits;
  }

  private static boolean finite(Node node) {
    JsonNode value = node.value();
    boolean notFinite =
        value.isNumber()
            ? !Double.isFinite(value.doubleValue())
            : value.isTextual() && NOT_FINITE.matcher(value.textValue()).matches();
    if (notFinite) {
      node.problem("NOT_A_NUMBER", "must be a finite number, got " + Describe.value(value));
    }
    return !notFinite;
  }
}
