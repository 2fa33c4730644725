package dev.rollout.activities.plan;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rollout.definitions.plan.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The workflow input, read leniently (the Temporal UI sends whatever the operator typed): every
 * problem is collected instead of failing on the first.
 *
 * @param plan the inline plan, or null
 * @param planName the stored plan's name, or null
 */
record RolloutInput(JsonNode plan, String planName, String requestedBy, List<Problem> problems) {

  private static final Set<String> FIELDS = Set.of("plan", "planName", "requestedBy");

  RolloutInput {
    problems = List.copyOf(problems);
  }

  static RolloutInput read(JsonNode input) {
    List<Problem> problems = new ArrayList<>();
    if (input == null || !input.isObject()) {
      problems.add(
          new Problem(
              "",
              "INVALID_INPUT",
              "the input must be a JSON object {\"plan\": {...}} or {\"planName\": \"...\"}, got "
                  + (input == null ? "nothing" : input.getNodeType().toString().toLowerCase())));
      return new RolloutInput(null, null, null, problems);
    }
    input
        .fieldNames()
        .forEachRemaining(
            name -> {
              if (!FIELDS.contains(name)) {
                problems.add(
                    new Problem(
                        name,
                        "UNKNOWN_FIELD",
                        "unknown field; the input has plan or planName, and requestedBy"));
              }
            });
    JsonNode plan = typed(input, "plan", JsonNode::isObject, "an object (the plan)", problems);
    JsonNode name = typed(input, "planName", JsonNode::isTextual, "a string", problems);
    JsonNode by = typed(input, "requestedBy", JsonNode::isTextual, "a string", problems);
    boolean hasPlan = input.hasNonNull("plan");
    boolean hasName = input.hasNonNull("planName");
    if (hasPlan && hasName) {
      problems.add(new Problem("", "AMBIGUOUS_INPUT", "give either plan or planName, not both"));
    } else if (!hasPlan && !hasName) {
      problems.add(new Problem("", "MISSING_PLAN", "give plan (an object) or planName (a string)"));
    }
    return new RolloutInput(
        plan, name == null ? null : name.asText(), by == null ? null : by.asText(), problems);
  }

  /** The field when present with the expected type; a WRONG_TYPE problem when of another type. */
  private static JsonNode typed(
      JsonNode input,
      String field,
      java.util.function.Predicate<JsonNode> ok,
      String expected,
      List<Problem> problems) {
    JsonNode value = input.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!ok.test(value)) {
      problems.add(
          new Problem(
              field,
              "WRONG_TYPE",
              "must be " + expected + ", got " + value.getNodeType().toString().toLowerCase()));
      return null;
    }
    return value;
  }
}
