package dev.rollout.activities.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The comparators of a version range's text ({@code >=2.0.0 <2.4.0}), for filtering devices in SQL
 * on {@code version_key}. The range was validated by the plan parser already; this only splits it.
 * (To be replaced by {@code VersionRange.bounds()} once the definitions module exposes it.)
 */
final class RangeBounds {

  private static final Pattern COMPARATOR =
      Pattern.compile("\\s*(>=|<=|>|<|=)?\\s*([^\\s<>=]\\S*)");

  private RangeBounds() {}

  /**
   * @param op one of {@code >= <= > < =}, safe to put into SQL as is
   */
  record Bound(String op, String version) {}

  static List<Bound> parse(String range) {
    List<Bound> bounds = new ArrayList<>();
    Matcher matcher = COMPARATOR.matcher(range.trim());
    while (matcher.find()) {
      String op = matcher.group(1) == null ? "=" : matcher.group(1);
      bounds.add(new Bound(op, matcher.group(2)));
    }
    if (bounds.isEmpty()) {
      throw new IllegalArgumentException("empty version range: '" + range + "'");
    }
    return bounds;
  }
}
