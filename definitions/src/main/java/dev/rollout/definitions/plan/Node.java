package dev.rollout.definitions.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * A place in the document being validated: its value (missing when absent), its path for people and
 * its position for ordering. Reading through a node records a problem with that path whenever the
 * value is not what the plan format says.
 */
final class Node {

  private final JsonNode value;
  private final String path;
  private final Position position;
  private final Problems problems;

  private Node(JsonNode value, String path, Position position, Problems problems) {
    this.value = value;
    this.path = path;
    this.position = position;
    this.problems = problems;
  }

  static Node root(JsonNode document, Problems problems) {
    return new Node(document, "", Position.ROOT, problems);
  }

  JsonNode value() {
    return value;
  }

  String path() {
    return path;
  }

  boolean isPresent() {
    return !value.isMissingNode();
  }

  Problems problems() {
    return problems;
  }

  void problem(String code, String message) {
    problems.add(position, path, code, message);
  }

  /** The named field; absent fields sort after the present ones of their object. */
  Node field(String name) {
    String childPath = Describe.child(path, name);
    int index = 0;
    for (Iterator<String> names = value.fieldNames(); names.hasNext(); index++) {
      if (names.next().equals(name)) {
        return new Node(value.get(name), childPath, position.child(index), problems);
      }
    }
    return new Node(MissingNode.getInstance(), childPath, position.child(index), problems);
  }

  /** The fields of an object in document order, found in one pass (objects may be huge). */
  List<Map.Entry<String, Node>> fields() {
    List<Map.Entry<String, Node>> fields = new ArrayList<>();
    int index = 0;
    for (Map.Entry<String, JsonNode> entry : value.properties()) {
      String childPath = Describe.child(path, entry.getKey());
      Node child = new Node(entry.getValue(), childPath, position.child(index), problems);
      fields.add(Map.entry(entry.getKey(), child));
      index++;
    }
    return fields;
  }

  List<Node> elements() {
    List<Node> elements = new ArrayList<>();
    for (int i = 0; i < value.size(); i++) {
      elements.add(new Node(value.get(i), path + "[" + i + "]", position.child(i), problems));
    }
    return elements;
  }

  /**
   * Whether this is an object, reporting every field not in {@code known}: a mistyped name must
   * never be silently ignored, since the limit it was meant to set would then be off.
   */
  boolean isObjectOf(Collection<String> known) {
    if (!expect(value.isObject(), "an object")) {
      return false;
    }
    int index = 0;
    for (Iterator<String> names = value.fieldNames(); names.hasNext(); index++) {
      String name = names.next();
      if (!known.contains(name)) {
        String childPath = Describe.child(path, name);
        problems.add(position.child(index), childPath, "UNKNOWN_FIELD", unknown(name, known));
      }
    }
    return true;
  }

  /** Records WRONG_TYPE unless {@code condition}; returns the condition. */
  boolean expect(boolean condition, String expected) {
    if (!condition) {
      problem("WRONG_TYPE", "expected " + expected + ", got " + Describe.value(value));
    }
    return condition;
  }

  void requirePresent() {
    if (!isPresent()) {
      problem("REQUIRED", "is required");
    }
  }

  private static String unknown(String name, Collection<String> known) {
    String quoted = "unknown field '" + Describe.truncate(name) + "'";
    return Suggestions.closest(name, known)
        .map(best -> quoted + "; did you mean '" + best + "'?")
        .orElseGet(() -> quoted + "; expected one of: " + String.join(", ", known));
  }
}
