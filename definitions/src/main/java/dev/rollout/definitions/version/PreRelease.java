package dev.rollout.definitions.version;

/**
 * Pre-release precedence of semver.org §11: absent ranks highest, then identifier by identifier.
 */
final class PreRelease {

  private PreRelease() {}

  static int compare(String left, String right) {
    if (left.isEmpty() || right.isEmpty()) {
      return Boolean.compare(left.isEmpty(), right.isEmpty());
    }
    String[] a = left.split("\\.");
    String[] b = right.split("\\.");
    for (int i = 0; i < Math.min(a.length, b.length); i++) {
      int byIdentifier = compareIdentifier(a[i], b[i]);
      if (byIdentifier != 0) {
        return byIdentifier;
      }
    }
    return Integer.compare(a.length, b.length);
  }

  private static int compareIdentifier(String a, String b) {
    boolean aNumeric = isNumeric(a);
    boolean bNumeric = isNumeric(b);
    if (aNumeric && bNumeric) {
      // compare by length first: numeric identifiers have no leading zeros and may exceed a long
      return a.length() != b.length() ? Integer.compare(a.length(), b.length()) : a.compareTo(b);
    }
    if (aNumeric || bNumeric) {
      return aNumeric ? -1 : 1;
    }
    return a.compareTo(b);
  }

  private static boolean isNumeric(String identifier) {
    return identifier.chars().allMatch(c -> c >= '0' && c <= '9');
  }
}
