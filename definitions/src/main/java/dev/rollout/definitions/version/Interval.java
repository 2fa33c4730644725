package dev.rollout.definitions.version;

import java.util.List;

/** The tightest lower and upper bound of a conjunction of comparators, to detect empty ranges. */
record Interval(SemVer lower, boolean lowerInclusive, SemVer upper, boolean upperInclusive) {

  static Interval of(List<VersionRange.Bound> bounds) {
    Interval interval = new Interval(null, true, null, true);
    for (VersionRange.Bound bound : bounds) {
      interval = interval.and(bound);
    }
    return interval;
  }

  boolean isEmpty() {
    if (lower == null || upper == null) {
      return false;
    }
    int comparison = lower.compareTo(upper);
    return comparison > 0 || (comparison == 0 && !(lowerInclusive && upperInclusive));
  }

  private Interval and(VersionRange.Bound bound) {
    SemVer v = bound.version();
    return switch (bound.op()) {
      case GE -> raiseLower(v, true);
      case GT -> raiseLower(v, false);
      case LE -> lowerUpper(v, true);
      case LT -> lowerUpper(v, false);
      case EQ -> raiseLower(v, true).lowerUpper(v, true);
    };
  }

  private Interval raiseLower(SemVer v, boolean inclusive) {
    if (lower == null || v.compareTo(lower) > 0) {
      return new Interval(v, inclusive, upper, upperInclusive);
    }
    boolean tighter = v.compareTo(lower) == 0 && !inclusive;
    return tighter ? new Interval(v, false, upper, upperInclusive) : this;
  }

  private Interval lowerUpper(SemVer v, boolean inclusive) {
    if (upper == null || v.compareTo(upper) < 0) {
      return new Interval(lower, lowerInclusive, v, inclusive);
    }
    boolean tighter = v.compareTo(upper) == 0 && !inclusive;
    return tighter ? new Interval(lower, lowerInclusive, v, false) : this;
  }
}
