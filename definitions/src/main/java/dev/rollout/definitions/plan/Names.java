package dev.rollout.definitions.plan;

import java.util.regex.Pattern;

/**
 * Plan and phase names end up in workflow ids, URLs and signals: lowercase letters, digits and
 * inner dashes only.
 */
final class Names {

  private static final Pattern NAME = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

  private Names() {}

  /** The name, or null after recording a problem. */
  static String check(Node node) {
    String name = Values.text(node);
    if (name == null) {
      return null;
    }
    if (!NAME.matcher(name).matches()) {
      node.problem(
          "INVALID_NAME",
          "must be 1 to 63 lowercase letters, digits or '-', not starting or ending with '-', got "
              + Describe.value(node.value())
              + stranger(name));
      return null;
    }
    return name;
  }

  // a look-alike letter (Cyrillic 'с' for 'c') reads as valid: say which character is not
  private static String stranger(String name) {
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c > 0x7e && !Describe.isInvisible(name, i)) {
        return " (U+%04X at index %d)".formatted(name.codePointAt(i), i);
      }
    }
    return "";
  }
}
