package dev.rollout.definitions.plan;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Short, visible descriptions of values for messages and paths: never echo a megabyte back, and
 * never pass on characters that hide or reorder what a reader sees (controls, bidi overrides,
 * zero-width joiners, unpaired surrogates): they are written as {@code \}{@code uXXXX}.
 */
final class Describe {

  private static final int MAX = 40;

  private Describe() {}

  static String value(JsonNode value) {
    if (value.isMissingNode()) {
      return "nothing";
    }
    if (value.isNull()) {
      return "null";
    }
    if (value.isTextual() && value.textValue().isEmpty()) {
      return "an empty value";
    }
    if (value.isTextual()) {
      return "'" + truncate(value.textValue()) + "'";
    }
    if (value.isObject()) {
      return "an object";
    }
    if (value.isArray()) {
      return "a list";
    }
    return truncate(value.asText());
  }

  /**
   * The path of a field: keys are shortened and made visible, so that a huge key costs nothing per
   * value beneath it and a path never hides what it names.
   */
  static String child(String path, String key) {
    return path.isEmpty() ? truncate(key) : path + "." + truncate(key);
  }

  /** At most {@link #MAX} characters (a surrogate pair is never split), made visible. */
  static String truncate(String text) {
    int end = text.length() <= MAX ? text.length() : MAX;
    if (end < text.length() && Character.isHighSurrogate(text.charAt(end - 1))) {
      end--;
    }
    String visible = visible(text.substring(0, end));
    return end == text.length() ? visible : visible + "...";
  }

  /** Whether the character would be hidden or would change how the text around it reads. */
  static boolean isInvisible(String text, int index) {
    char c = text.charAt(index);
    if (Character.isHighSurrogate(c)) {
      return index + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(index + 1));
    }
    if (Character.isLowSurrogate(c)) {
      return index == 0 || !Character.isHighSurrogate(text.charAt(index - 1));
    }
    int type = Character.getType(c);
    return type == Character.CONTROL
        || type == Character.FORMAT
        || type == Character.UNASSIGNED
        || type == Character.LINE_SEPARATOR
        || type == Character.PARAGRAPH_SEPARATOR;
  }

  /** The index of the first invisible character, or -1. */
  static int firstInvisible(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (isInvisible(text, i)) {
        return i;
      }
    }
    return -1;
  }

  private static String visible(String text) {
    if (firstInvisible(text) < 0) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length() + 8);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (isInvisible(text, i)) {
        out.append("\\u").append(String.format("%04X", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
