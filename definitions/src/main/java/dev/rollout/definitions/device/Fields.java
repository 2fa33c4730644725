package dev.rollout.definitions.device;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rollout.definitions.plan.Problem;
import dev.rollout.definitions.version.SemVer;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Reads the fields of one JSON object, collecting a problem (with its path) for each missing,
 * mistyped or unknown field instead of stopping at the first. A getter returns null when the field
 * is absent or wrong; the caller checks {@link #problems()} before building anything.
 */
final class Fields {

  static final Pattern CODE = Pattern.compile("[A-Z0-9_]{1,64}");

  private final JsonNode node;
  private final String path;
  private final List<Problem> problems;
  private final Set<String> known = new TreeSet<>();

  Fields(JsonNode node, String path, List<Problem> problems) {
    this.node = node;
    this.path = path;
    this.problems = problems;
    if (node == null || !node.isObject()) {
      problem("", "WRONG_TYPE", "must be an object");
    }
  }

  boolean isObject() {
    return node != null && node.isObject();
  }

  List<Problem> problems() {
    return problems;
  }

  String path(String field) {
    return field.isEmpty() ? path : path.isEmpty() ? field : path + "." + field;
  }

  void problem(String field, String code, String message) {
    problems.add(new Problem(path(field), code, message));
  }

  /** The field's node, or null when absent or JSON null (a required one is reported). */
  JsonNode get(String field, boolean required) {
    known.add(field);
    JsonNode value = isObject() ? node.get(field) : null;
    if (value == null || value.isNull()) {
      if (required && isObject()) {
        problem(field, "REQUIRED", "is required");
      }
      return null;
    }
    return value;
  }

  String text(String field, boolean required, int maxLength) {
    JsonNode value = get(field, required);
    if (value == null) {
      return null;
    }
    if (!value.isTextual()) {
      problem(field, "WRONG_TYPE", "must be a string");
      return null;
    }
    String text = value.textValue();
    if (text.isEmpty() || text.length() > maxLength) {
      problem(field, "OUT_OF_RANGE", "must be 1 to " + maxLength + " characters");
      return null;
    }
    if (!isStorable(text)) {
      // PostgreSQL refuses NUL in text and JSONB (the batch would fail with a 5xx, and the device
      // would retry it forever); an unpaired surrogate is not UTF-8 at all
      problem(field, "INVALID_FORMAT", "must not contain NUL or unpaired surrogates");
      return null;
    }
    return text;
  }

  String matching(String field, boolean required, Pattern pattern, String what) {
    String text = text(field, required, 1000);
    if (text != null && !pattern.matcher(text).matches()) {
      problem(field, "INVALID_FORMAT", "must be " + what + ", got '" + clip(text) + "'");
      return null;
    }
    return text;
  }

  SemVer version(String field, boolean required) {
    String text = text(field, required, 100);
    if (text == null) {
      return null;
    }
    try {
      return SemVer.parse(text);
    } catch (IllegalArgumentException e) {
      problem(field, "INVALID_VERSION", "must be a semantic version, got '" + clip(text) + "'");
      return null;
    }
  }

  Long integer(String field, boolean required, long min, long max) {
    JsonNode value = get(field, required);
    if (value == null) {
      return null;
    }
    if (!value.isIntegralNumber() || !value.canConvertToLong()) {
      problem(field, "WRONG_TYPE", "must be an integer");
      return null;
    }
    long number = value.longValue();
    if (number < min || number > max) {
      problem(field, "OUT_OF_RANGE", "must be between " + min + " and " + max + ", got " + number);
      return null;
    }
    return number;
  }

  Double fraction(String field, boolean required) {
    JsonNode value = get(field, required);
    if (value == null) {
      return null;
    }
    if (!value.isNumber()) {
      problem(field, "WRONG_TYPE", "must be a number");
      return null;
    }
    double number = value.doubleValue();
    if (!(number >= 0 && number <= 1)) {
      problem(field, "OUT_OF_RANGE", "must be between 0 and 1, got " + number);
      return null;
    }
    return number;
  }

  Boolean bool(String field, boolean required) {
    JsonNode value = get(field, required);
    if (value == null) {
      return null;
    }
    if (!value.isBoolean()) {
      problem(field, "WRONG_TYPE", "must be true or false");
      return null;
    }
    return value.booleanValue();
  }

  OffsetDateTime dateTime(String field, boolean required) {
    String text = text(field, required, 64);
    if (text == null) {
      return null;
    }
    try {
      return OffsetDateTime.parse(text);
    } catch (DateTimeParseException e) {
      problem(
          field,
          "INVALID_FORMAT",
          "must be an ISO-8601 date-time with offset such as 2026-11-28T03:12:00+01:00, got '"
              + clip(text)
              + "'");
      return null;
    }
  }

  Instant instant(String field, boolean required) {
    OffsetDateTime time = dateTime(field, required);
    return time == null ? null : time.toInstant();
  }

  /** Reports every field that no getter asked for; call after reading all fields. */
  void rejectUnknown() {
    if (!isObject()) {
      return;
    }
    List<String> unknown = new ArrayList<>();
    node.fieldNames()
        .forEachRemaining(
            name -> {
              if (!known.contains(name)) {
                unknown.add(name);
              }
            });
    for (String name : unknown) {
      problem(clip(name), "UNKNOWN_FIELD", "is not a known field");
    }
  }

  static boolean isStorable(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean paired =
          Character.isHighSurrogate(c)
              ? i + 1 < text.length() && Character.isLowSurrogate(text.charAt(++i))
              : !Character.isLowSurrogate(c);
      if (c == '\u0000' || !paired) {
        return false;
      }
    }
    return true;
  }

  static String clip(String text) {
    return text.length() <= 80 ? text : text.substring(0, 80) + "…";
  }
}
