package dev.rollout.definitions.version;

import static java.util.Objects.requireNonNull;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A semantic version {@code MAJOR.MINOR.PATCH[-PRERELEASE]}, ordered as semver.org says.
 *
 * <p>Each component must be below {@link #COMPONENT_LIMIT} so that {@link #key()} can pack a
 * version into one {@code long} for the store; build metadata ({@code +build}) is rejected rather
 * than ignored, so two different strings never name the same release.
 *
 * @param preRelease empty when absent
 */
public record SemVer(int major, int minor, int patch, String preRelease)
    implements Comparable<SemVer> {

  /** 2^20: components at or above this do not fit {@link #key()}. */
  public static final int COMPONENT_LIMIT = 1 << 20;

  private static final String NUMBER = "(0|[1-9][0-9]{0,9})";
  private static final String IDENTIFIER = "(?:0|[1-9][0-9]*|[0-9]*[A-Za-z-][0-9A-Za-z-]*)";
  private static final Pattern SYNTAX =
      Pattern.compile(
          NUMBER
              + "\\."
              + NUMBER
              + "\\."
              + NUMBER
              + "(?:-("
              + IDENTIFIER
              + "(?:\\."
              + IDENTIFIER
              + ")*))?");

  public SemVer {
    requireNonNull(preRelease, "preRelease");
    checkComponent("major", major);
    checkComponent("minor", minor);
    checkComponent("patch", patch);
  }

  /**
   * Parses {@code 2.4.0} or {@code 2.4.0-rc.1}; throws IllegalArgumentException with a clear
   * message.
   */
  public static SemVer parse(String text) {
    Matcher matcher = SYNTAX.matcher(text == null ? "" : text);
    if (!matcher.matches()) {
      throw new IllegalArgumentException(
          "expected a semantic version such as 2.4.0 or 2.4.0-rc.1, got '" + text + "'");
    }
    return new SemVer(
        component(matcher.group(1)),
        component(matcher.group(2)),
        component(matcher.group(3)),
        matcher.group(4) == null ? "" : matcher.group(4));
  }

  /**
   * Orders releases ignoring the pre-release: {@code major<<40 | minor<<20 | patch}. The store
   * filters device versions by range with it in SQL.
   */
  public long key() {
    return ((long) major << 40) | ((long) minor << 20) | patch;
  }

  @Override
  public int compareTo(SemVer other) {
    int byKey = Long.compare(key(), other.key());
    return byKey != 0 ? byKey : PreRelease.compare(preRelease, other.preRelease);
  }

  @Override
  public String toString() {
    return major + "." + minor + "." + patch + (preRelease.isEmpty() ? "" : "-" + preRelease);
  }

  private static int component(String digits) {
    long value = Long.parseLong(digits);
    if (value >= COMPONENT_LIMIT) {
      throw new IllegalArgumentException(
          "version components must be below " + COMPONENT_LIMIT + ", got " + digits);
    }
    return (int) value;
  }

  private static void checkComponent(String name, int value) {
    if (value < 0 || value >= COMPONENT_LIMIT) {
      throw new IllegalArgumentException(
          name + " must be between 0 and " + (COMPONENT_LIMIT - 1) + ", got " + value);
    }
  }
}
