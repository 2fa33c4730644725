package dev.rollout.definitions.version;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A version range such as {@code >=2.0.0 <2.4.0} (space-separated comparators, all AND-ed). A bare
 * version means exactly that version. A range that no version can satisfy is rejected: in a plan it
 * would silently select nobody.
 */
public final class VersionRange {

  private final List<Bound> bounds;

  private VersionRange(List<Bound> bounds) {
    this.bounds = List.copyOf(bounds);
  }

  /** Parses a range; throws IllegalArgumentException with a clear message. */
  @JsonCreator
  public static VersionRange parse(String text) {
    List<String> tokens = tokens(text == null ? "" : text);
    if (tokens.isEmpty()) {
      throw new IllegalArgumentException(
          "expected comparators such as '>=2.0.0 <2.4.0', got an empty range");
    }
    List<Bound> bounds = new ArrayList<>();
    for (String token : tokens) {
      bounds.add(Bound.parse(token));
    }
    VersionRange range = new VersionRange(bounds);
    if (Interval.of(range.bounds).isEmpty()) {
      throw new IllegalArgumentException("'" + text.strip() + "' matches no version");
    }
    return range;
  }

  /** The comparators, in the order written; a version is in the range when it satisfies all. */
  public List<Bound> bounds() {
    return bounds;
  }

  public boolean contains(SemVer version) {
    return bounds.stream().allMatch(bound -> bound.accepts(version));
  }

  @JsonValue
  @Override
  public String toString() {
    return bounds.stream().map(Bound::toString).collect(Collectors.joining(" "));
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof VersionRange range && bounds.equals(range.bounds);
  }

  @Override
  public int hashCode() {
    return bounds.hashCode();
  }

  /**
   * Splits on whitespace, joining an operator written apart from its version ({@code >= 2.0.0}).
   */
  private static List<String> tokens(String text) {
    List<String> tokens = new ArrayList<>();
    String pending = "";
    for (String word : text.strip().split("\\s+")) {
      if (word.isEmpty()) {
        continue;
      }
      if (Op.isOperator(word)) {
        pending += word;
        continue;
      }
      tokens.add(pending + word);
      pending = "";
    }
    if (!pending.isEmpty()) {
      throw new IllegalArgumentException("expected a version after '" + pending + "'");
    }
    return tokens;
  }

  /** One comparator of a range. */
  public record Bound(Op op, SemVer version) {

    public Bound {
      java.util.Objects.requireNonNull(op, "op");
      java.util.Objects.requireNonNull(version, "version");
    }

    static Bound parse(String token) {
      Op op = Op.prefixOf(token);
      String version = token.substring(op.symbol().length());
      if (op == Op.EQ && !token.startsWith("=")) {
        version = token;
      }
      try {
        return new Bound(op, SemVer.parse(version));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "'" + token + "' is not a comparator such as '>=2.0.0': " + e.getMessage(), e);
      }
    }

    public boolean accepts(SemVer candidate) {
      return op.accepts(candidate.compareTo(version));
    }

    @Override
    public String toString() {
      return op.symbol() + version;
    }
  }

  /** A comparison operator. */
  public enum Op {
    GE(">="),
    LE("<="),
    GT(">"),
    LT("<"),
    EQ("=");

    private final String symbol;

    Op(String symbol) {
      this.symbol = symbol;
    }

    public String symbol() {
      return symbol;
    }

    /** Whether a version comparing to the bound's version as {@code comparison} satisfies it. */
    public boolean accepts(int comparison) {
      return switch (this) {
        case GE -> comparison >= 0;
        case LE -> comparison <= 0;
        case GT -> comparison > 0;
        case LT -> comparison < 0;
        case EQ -> comparison == 0;
      };
    }

    static boolean isOperator(String word) {
      for (Op op : values()) {
        if (op.symbol.equals(word)) {
          return true;
        }
      }
      return false;
    }

    static Op prefixOf(String token) {
      for (Op op : values()) {
        if (token.startsWith(op.symbol)) {
          return op;
        }
      }
      return EQ;
    }
  }
}
