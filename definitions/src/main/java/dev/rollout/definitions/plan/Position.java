package dev.rollout.definitions.plan;

import java.util.Arrays;

/**
 * Where a node sits in the document: the index of each field or element on the way down. Ordering
 * positions orders problems as the document reads. A field that is absent sorts after the fields
 * present in its object.
 */
record Position(int[] indexes) implements Comparable<Position> {

  static final Position ROOT = new Position(new int[0]);

  Position child(int index) {
    int[] child = Arrays.copyOf(indexes, indexes.length + 1);
    child[indexes.length] = index;
    return new Position(child);
  }

  @Override
  public int compareTo(Position other) {
    return Arrays.compare(indexes, other.indexes);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Position position && Arrays.equals(indexes, position.indexes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(indexes);
  }

  @Override
  public String toString() {
    return Arrays.toString(indexes);
  }
}
