package dev.rollout.definitions.plan;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * Reads a plan from YAML or JSON text (same structure) or from a JSON tree, validates it and fills
 * in the defaults. A pure function: it never repairs input, and it reports every problem at once.
 */
public final class PlanParser {

  private PlanParser() {}

  /** Parses YAML or JSON text (JSON is YAML, so one reader serves both). */
  public static PlanResult parse(String text) {
    Documents.Read read = Documents.read(text);
    if (read instanceof Documents.Read.Failed failed) {
      return new PlanResult.Invalid(failed.problems());
    }
    return parse(((Documents.Read.Tree) read).document());
  }

  /** Validates an already parsed document, such as the {@code plan} field of a workflow input. */
  public static PlanResult parse(JsonNode document) {
    if (document == null || document.isMissingNode()) {
      return new PlanResult.Invalid(List.of(new Problem("", "EMPTY", "the document is empty")));
    }
    try {
      return PlanReader.read(Node.root(document, new Problems()));
    } catch (RuntimeException e) {
      // a bug here must still end as a clear, non-retryable answer, never a stuck workflow task
      return new PlanResult.Invalid(
          List.of(new Problem("", "INTERNAL_ERROR", "the validator failed: " + e)));
    }
  }
}
