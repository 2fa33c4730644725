package dev.rollout.worker.mgmt.rollout;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.rollout.definitions.plan.Plan;
import dev.rollout.definitions.plan.PlanParser;
import dev.rollout.definitions.plan.PlanResult;
import dev.rollout.worker.web.ApiError;
import dev.rollout.worker.web.ApiException;
import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * A plan sent as a request body (YAML or JSON, which YAML includes), validated by the one parser:
 * an invalid plan is a 400 {@code INVALID_PLAN} listing every problem with its path.
 *
 * @param tree the same document as a JSON tree (the workflow's inline-plan input)
 */
record PlanBody(String text, Plan plan, JsonNode tree) {

  /** Plans are small; this bounds what the parser is handed. */
  static final int MAX_CHARS = 256 * 1024;

  private static final YAMLMapper YAML = new YAMLMapper();

  static PlanBody read(String text) {
    if (text == null || text.isBlank()) {
      throw invalid(List.of(new dev.rollout.definitions.plan.Problem("", "EMPTY", "no plan sent")));
    }
    if (text.length() > MAX_CHARS) {
      throw new ApiException(
          HttpStatus.PAYLOAD_TOO_LARGE,
          "BODY_TOO_LARGE",
          "a plan is at most " + MAX_CHARS + " characters");
    }
    PlanResult result = PlanParser.parse(text); // never throws for bad input
    if (result instanceof PlanResult.Invalid invalid) {
      throw invalid(invalid.problems());
    }
    Plan plan = ((PlanResult.Valid) result).plan();
    try {
      return new PlanBody(text, plan, YAML.readTree(text));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("the parser accepted a document YAML cannot read", e);
    }
  }

  static ApiException invalid(List<dev.rollout.definitions.plan.Problem> problems) {
    return new ApiException(
        HttpStatus.BAD_REQUEST,
        new ApiError(
            "INVALID_PLAN",
            "the plan has " + problems.size() + " problem" + (problems.size() == 1 ? "" : "s"),
            problems));
  }
}
