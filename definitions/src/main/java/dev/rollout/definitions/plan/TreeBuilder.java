package dev.rollout.definitions.plan;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds the tree from YAML (or JSON) tokens. Jackson's own tree reader turns an alias into the
 * anchor's name as a string; here an alias stands for the anchored value, as YAML means, up to
 * {@link Documents#MAX_ALIASES} of them (so an alias bomb stays small), and duplicate keys, which
 * YAML forbids and which would make one of two values silently win, are reported with their path.
 */
final class TreeBuilder {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final Set<String> NOT_FINITE_FLOATS =
      Set.of(
          ".nan", ".NaN", ".NAN", ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF", "-.inf",
          "-.Inf", "-.INF");

  private final JsonParser parser;
  private final Map<String, JsonNode> anchors = new HashMap<>();
  private final List<Problem> problems = new ArrayList<>();
  private int aliases;

  TreeBuilder(JsonParser parser) {
    this.parser = parser;
  }

  List<Problem> problems() {
    return problems;
  }

  /** The single document, or a missing node when the text holds none. */
  JsonNode document() throws IOException {
    if (parser.nextToken() == null) {
      return MissingNode.getInstance();
    }
    try {
      JsonNode root = value("", 0);
      if (parser.nextToken() != null) {
        problem("", "SYNTAX", "expected one document, found another");
      }
      return root;
    } catch (Abort abort) {
      return MissingNode.getInstance();
    }
  }

  private JsonNode value(String path, int depth) throws IOException {
    String anchor = parser.getObjectId() instanceof String name ? name : null;
    boolean alias = parser instanceof YAMLParser yaml && yaml.isCurrentAlias();
    JsonNode node = alias ? alias(path) : read(path, depth);
    if (anchor != null) {
      anchors.put(anchor, node);
    }
    return node;
  }

  private JsonNode read(String path, int depth) throws IOException {
    JsonToken token = parser.currentToken();
    if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
      if (depth >= Documents.MAX_DEPTH) {
        problem(path, "TOO_DEEP", "nested deeper than " + Documents.MAX_DEPTH + " levels");
        throw new Abort();
      }
      return token == JsonToken.START_OBJECT ? object(path, depth + 1) : array(path, depth + 1);
    }
    return scalar(token);
  }

  private ObjectNode object(String path, int depth) throws IOException {
    ObjectNode object = NODES.objectNode();
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      String child = Describe.child(path, name);
      parser.nextToken();
      JsonNode value = value(child, depth);
      if (object.has(name)) {
        problem(
            child, "DUPLICATE_KEY", "key '" + Describe.truncate(name) + "' appears twice" + line());
      } else {
        object.set(name, value);
      }
    }
    return object;
  }

  private ArrayNode array(String path, int depth) throws IOException {
    ArrayNode array = NODES.arrayNode();
    while (parser.nextToken() != JsonToken.END_ARRAY) {
      array.add(value(path + "[" + array.size() + "]", depth));
    }
    return array;
  }

  private JsonNode scalar(JsonToken token) throws IOException {
    return switch (token) {
      case VALUE_STRING -> NODES.textNode(parser.getText());
      case VALUE_TRUE, VALUE_FALSE -> NODES.booleanNode(token == JsonToken.VALUE_TRUE);
      case VALUE_NULL -> NODES.nullNode();
      case VALUE_NUMBER_INT -> integer();
      case VALUE_NUMBER_FLOAT ->
          NOT_FINITE_FLOATS.contains(parser.getText())
              ? NODES.textNode(parser.getText())
              : NODES.numberNode(parser.getDoubleValue());
      default -> NODES.textNode(String.valueOf(parser.getText()));
    };
  }

  private JsonNode integer() throws IOException {
    return switch (parser.getNumberType()) {
      case INT -> NODES.numberNode(parser.getIntValue());
      case LONG -> NODES.numberNode(parser.getLongValue());
      default -> NODES.numberNode(parser.getBigIntegerValue());
    };
  }

  private JsonNode alias(String path) throws IOException {
    String name = parser.getText();
    if (++aliases > Documents.MAX_ALIASES) {
      problem(path, "TOO_MANY_ALIASES", "more than " + Documents.MAX_ALIASES + " aliases" + line());
      throw new Abort();
    }
    JsonNode target = anchors.get(name);
    if (target == null) {
      problem(
          path,
          "SYNTAX",
          "alias *" + Describe.truncate(name) + " has no anchor before it" + line());
      return NODES.nullNode();
    }
    return target;
  }

  private void problem(String path, String code, String message) {
    problems.add(new Problem(path, code, message));
  }

  private String line() {
    return " (line " + parser.currentLocation().getLineNr() + ")";
  }

  /** Stops reading a document that hit a hard limit; the problem is already recorded. */
  private static final class Abort extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Abort() {
      super(null, null, false, false);
    }
  }
}
