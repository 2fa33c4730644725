package dev.rollout.definitions.plan;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads YAML or JSON text (JSON is YAML) into a tree, with limits that keep hostile input cheap:
 * size, nesting, aliases, duplicate keys. Every failure becomes problems, never an exception.
 */
final class Documents {

  static final int MAX_CHARS = 1_000_000;
  static final int MAX_DEPTH = 50;
  static final int MAX_ALIASES = 20;

  // the tree builder reports nesting itself, with a path; this is the backstop
  private static final StreamReadConstraints CONSTRAINTS =
      StreamReadConstraints.builder()
          .maxNestingDepth(MAX_DEPTH + 10)
          .maxNumberLength(100)
          .maxStringLength(MAX_CHARS)
          .build();
  private static final YAMLFactory YAML = yamlFactory();
  private static final JsonFactory JSON = jsonFactory();

  private Documents() {}

  /** The document, or the problems that prevented reading it. */
  sealed interface Read {
    record Tree(JsonNode document) implements Read {}

    record Failed(List<Problem> problems) implements Read {}
  }

  static Read read(String text) {
    if (text == null) {
      return failed("REQUIRED", "the document is missing");
    }
    if (text.length() > MAX_CHARS) {
      return failed(
          "TOO_LARGE",
          "the document has %d characters, at most %d are allowed"
              .formatted(text.length(), MAX_CHARS));
    }
    Read read = read(YAML, text);
    if (isSyntaxError(read) && text.stripLeading().startsWith("{")) {
      // SnakeYAML refuses tab indentation, which is common in JSON: try the document as JSON
      Read json = read(JSON, text);
      return isSyntaxError(json) ? read : json;
    }
    return read;
  }

  private static Read read(JsonFactory factory, String text) {
    try (JsonParser parser = factory.createParser(new StringReader(text))) {
      TreeBuilder builder = new TreeBuilder(parser);
      JsonNode document = builder.document();
      return builder.problems().isEmpty()
          ? new Read.Tree(document)
          : new Read.Failed(builder.problems());
    } catch (JsonProcessingException e) {
      return failed("SYNTAX", syntax(e));
    } catch (IOException | RuntimeException e) {
      // SnakeYAML reports some limits (code points, nesting) with its own unchecked exceptions
      return failed(
          "SYNTAX", String.valueOf(e.getMessage()).lines().findFirst().orElse("unreadable"));
    }
  }

  private static boolean isSyntaxError(Read read) {
    return read instanceof Read.Failed failed
        && failed.problems().size() == 1
        && failed.problems().get(0).code().equals("SYNTAX");
  }

  private static Read failed(String code, String message) {
    return new Read.Failed(List.of(new Problem("", code, message)));
  }

  private static String syntax(JsonProcessingException e) {
    if (e.getCause() instanceof MarkedYAMLException marked && marked.getProblemMark() != null) {
      Mark mark = marked.getProblemMark();
      String context = marked.getContext() == null ? "" : " (" + marked.getContext() + ")";
      return "line %d, column %d: %s%s"
          .formatted(mark.getLine() + 1, mark.getColumn() + 1, marked.getProblem(), context);
    }
    JsonLocation location = e.getLocation();
    String message = String.valueOf(e.getOriginalMessage()).lines().findFirst().orElse("");
    return location == null
        ? message
        : "line %d, column %d: %s".formatted(location.getLineNr(), location.getColumnNr(), message);
  }

  private static YAMLFactory yamlFactory() {
    LoaderOptions options = new LoaderOptions();
    options.setMaxAliasesForCollections(MAX_ALIASES);
    // duplicate keys are rejected all the same, by TreeBuilder, which can name their paths
    options.setAllowDuplicateKeys(true);
    options.setNestingDepthLimit(MAX_DEPTH);
    options.setCodePointLimit(MAX_CHARS * 4 + 16);
    return YAMLFactory.builder().loaderOptions(options).streamReadConstraints(CONSTRAINTS).build();
  }

  private static JsonFactory jsonFactory() {
    // NaN and Infinity are read so that the validator can name the field that holds them
    return JsonFactory.builder()
        .streamReadConstraints(CONSTRAINTS)
        .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
        .build();
  }
}
