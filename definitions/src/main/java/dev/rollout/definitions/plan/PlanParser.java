package dev.rollout.definitions.plan;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads a plan from YAML or JSON text (same structure) or from a JSON tree, validates it and fills
 * in the defaults. A pure function: it never repairs input, and it reports every problem at once.
 */
public final class PlanParser {

  private PlanParser() {}

  /** Parses YAML or JSON text (JSON is YAML, so one reader serves both). */
  public static PlanResult parse(String text) {
    throw new UnsupportedOperationException("TODO");
  }

  /** Validates an already parsed document, such as the {@code plan} field of a workflow input. */
  public static PlanResult parse(JsonNode document) {
    throw new UnsupportedOperationException("TODO");
  }
}
