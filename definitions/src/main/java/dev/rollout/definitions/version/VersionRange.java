package dev.rollout.definitions.version;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** A version range such as {@code >=2.0.0 <2.4.0} (space-separated comparators, all AND-ed). */
public final class VersionRange {

  /** Parses a range; throws IllegalArgumentException with a clear message. */
  @JsonCreator
  public static VersionRange parse(String text) {
    throw new UnsupportedOperationException("TODO");
  }

  public boolean contains(SemVer version) {
    throw new UnsupportedOperationException("TODO");
  }

  @JsonValue
  @Override
  public String toString() {
    throw new UnsupportedOperationException("TODO");
  }
}
