package dev.rollout.definitions.version;

/**
 * A semantic version {@code MAJOR.MINOR.PATCH[-PRERELEASE]}, ordered as semver.org says.
 *
 * @param preRelease empty when absent
 */
public record SemVer(int major, int minor, int patch, String preRelease)
    implements Comparable<SemVer> {

  /**
   * Parses {@code 2.4.0} or {@code 2.4.0-rc.1}; throws IllegalArgumentException with a clear
   * message.
   */
  public static SemVer parse(String text) {
    throw new UnsupportedOperationException("TODO");
  }

  @Override
  public int compareTo(SemVer other) {
    throw new UnsupportedOperationException("TODO");
  }

  @Override
  public String toString() {
    return major + "." + minor + "." + patch + (preRelease.isEmpty() ? "" : "-" + preRelease);
  }
}
