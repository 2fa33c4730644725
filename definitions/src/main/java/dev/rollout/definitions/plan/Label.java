package dev.rollout.definitions.plan;

import java.util.regex.Pattern;

/**
 * A kind of label a plan selects devices by, in the device registry's own syntax ({@code
 * DeviceImport}): a label the registry cannot hold would silently select no device, and a
 * look-alike (a Cyrillic {@code е} in {@code eu-west}) must not pass for the real one.
 *
 * @param what for messages, such as {@code 1 to 64 of [A-Za-z0-9._-]}
 * @param allowed one allowed character
 */
record Label(String what, Pattern allowed, int maxLength) {

  static final Label MODEL = of("[A-Za-z0-9._ -]", 128);
  static final Label REGION = of("[A-Za-z0-9._-]", 64);
  static final Label TAG_KEY = of("[A-Za-z0-9._-]", 64);
  static final Label TAG_VALUE =
      new Label(
          "at most 256 visible characters other than ';', '=' and ','",
          Pattern.compile("[^;=,]"),
          256);

  private static Label of(String allowed, int maxLength) {
    return new Label("1 to " + maxLength + " of " + allowed, Pattern.compile(allowed), maxLength);
  }

  /** Why {@code text} is not such a label, or null when it is. */
  String problem(String text) {
    if (text.length() > maxLength) {
      return "must be " + what + ", got " + text.length() + " characters";
    }
    for (int i = 0; i < text.length(); i++) {
      if (Describe.isInvisible(text, i) || !allowed.matcher(text.substring(i, i + 1)).matches()) {
        return "must be %s, got '%s' (U+%04X at index %d)"
            .formatted(what, Describe.truncate(text), text.codePointAt(i), i);
      }
    }
    return null;
  }
}
