package dev.rollout.definitions.release;

/** Checks that text encodes to UTF-8 without loss, so two different strings never sign alike. */
final class WellFormed {

  private WellFormed() {}

  static boolean utf16(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c)) {
        if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
          return false;
        }
        i++;
      } else if (Character.isLowSurrogate(c)) {
        return false;
      }
    }
    return true;
  }
}
