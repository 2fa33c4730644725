package dev.rollout.definitions.plan;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Collects problems with their position in the document, so they can be listed in document order
 * however the validator walks the tree. Stops at {@link #LIMIT}: a hostile document must not turn
 * into a hostile error list.
 */
final class Problems {

  static final int LIMIT = 200;

  private final List<Entry> entries = new ArrayList<>();
  private int total;

  void add(Position position, String path, String code, String message) {
    total++;
    if (entries.size() >= LIMIT) {
      return;
    }
    entries.add(new Entry(position, new Problem(path, code, message)));
  }

  /** Every problem found, including those past the limit: readers compare it before and after. */
  int size() {
    return total;
  }

  boolean isEmpty() {
    return entries.isEmpty();
  }

  /** In document order; problems at the same place keep the order they were found in. */
  List<Problem> sorted() {
    List<Problem> problems = new ArrayList<>();
    entries.stream()
        .sorted(Comparator.comparing(Entry::position))
        .forEach(entry -> problems.add(entry.problem()));
    if (total > LIMIT) {
      problems.add(
          new Problem(
              "", "TOO_MANY_PROBLEMS", "%d more problems not listed".formatted(total - LIMIT)));
    }
    return problems;
  }

  private record Entry(Position position, Problem problem) {}
}
