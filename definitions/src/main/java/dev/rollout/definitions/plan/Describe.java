package dev.rollout.definitions.plan;

import com.fasterxml.jackson.databind.JsonNode;

/** Short descriptions of values for messages: never echo a megabyte back. */
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

  static String truncate(String text) {
    return text.length() <= MAX ? text : text.substring(0, MAX) + "...";
  }
}
