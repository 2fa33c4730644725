package dev.rollout.worker.mgmt;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rollout.definitions.plan.Problem;
import java.util.List;

/**
 * Reads small JSON request bodies strictly, collecting every problem (unknown fields included: a
 * mistyped field must not be silently ignored).
 */
public final class Bodies {

  private Bodies() {}

  /** Adds a problem for a body that is not an object, and for each field not in {@code known}. */
  public static void onlyFields(JsonNode body, List<String> known, List<Problem> problems) {
    if (body == null || body.isNull() || body.isMissingNode()) {
      return;
    }
    if (!body.isObject()) {
      problems.add(new Problem("", "NOT_AN_OBJECT", "the body must be a JSON object"));
      return;
    }
    body.fieldNames()
        .forEachRemaining(
            field -> {
              if (!known.contains(field)) {
                problems.add(
                    new Problem(field, "UNKNOWN_FIELD", "unknown field; expected one of " + known));
              }
            });
  }

  /** The field's text; null (with a problem) when missing, blank or not a string. */
  public static String requiredText(JsonNode body, String field, List<Problem> problems) {
    String text = optionalText(body, field, problems);
    if (text == null || text.isBlank()) {
      if (text != null || !wrongType(body, field)) {
        problems.add(new Problem(field, "REQUIRED", "required"));
      }
      return null;
    }
    return text;
  }

  /** The field's text, or null when absent; a problem when present but not a string. */
  public static String optionalText(JsonNode body, String field, List<Problem> problems) {
    JsonNode value = body == null || !body.isObject() ? null : body.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isTextual()) {
      problems.add(new Problem(field, "WRONG_TYPE", "must be a string"));
      return null;
    }
    return value.asText();
  }

  /** The field's boolean; a problem when missing or not a boolean. */
  public static boolean requiredBoolean(JsonNode body, String field, List<Problem> problems) {
    JsonNode value = body == null || !body.isObject() ? null : body.get(field);
    if (value == null || !value.isBoolean()) {
      problems.add(new Problem(field, "REQUIRED", "required, true or false"));
      return false;
    }
    return value.asBoolean();
  }

  private static boolean wrongType(JsonNode body, String field) {
    JsonNode value = body == null || !body.isObject() ? null : body.get(field);
    return value != null && !value.isNull() && !value.isTextual();
  }
}
