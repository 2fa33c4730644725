package dev.rollout.activities.plan;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rollout.definitions.plan.PlanParser;
import dev.rollout.definitions.plan.PlanResult;

/**
 * Where prepare gets its plan validation from. One seam, so the store's SQL can be tested with a
 * plan built in code; production uses {@link #standard()}, the definitions module's parser.
 */
public interface PlanReader {

  /** An inline plan, the {@code plan} field of a workflow input. */
  PlanResult parse(JsonNode document);

  /** A stored plan's text (YAML or JSON). */
  PlanResult parse(String text);

  static PlanReader standard() {
    return new PlanReader() {
      @Override
      public PlanResult parse(JsonNode document) {
        return PlanParser.parse(document);
      }

      @Override
      public PlanResult parse(String text) {
        return PlanParser.parse(text);
      }
    };
  }
}
