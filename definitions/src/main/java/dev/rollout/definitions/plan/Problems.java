package dev.rollout.definitions.plan;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Collects problems with their position in the document, so they can be listed in document order
 * however the validator walks the tree. Keeps the first {@link #LIMIT} in document order and counts
 * the rest: a hostile document must not turn into a hostile error list.
 */
final class Problems {

  static final int LIMIT = 200;

  private static final Comparator<Entry> DOCUMENT_ORDER =
      Comparator.comparing(Entry::position).thenComparingInt(Entry::sequence);

  // the head is the latest in document order, to drop when over the limit
  private final PriorityQueue<Entry> kept = new PriorityQueue<>(DOCUMENT_ORDER.reversed());
  private int total;

  void add(Position position, String path, String code, String message) {
    kept.add(new Entry(position, total++, new Problem(path, code, message)));
    if (kept.size() > LIMIT) {
      kept.poll();
    }
  }

  /** Every problem found, including those past the limit: readers compare it before and after. */
  int size() {
    return total;
  }

  boolean isEmpty() {
    return total == 0;
  }

  /** In document order; problems at the same place keep the order they were found in. */
  List<Problem> sorted() {
    List<Problem> problems = new ArrayList<>();
    kept.stream().sorted(DOCUMENT_ORDER).forEach(entry -> problems.add(entry.problem()));
    if (total > LIMIT) {
      problems.add(
          new Problem(
              "", "TOO_MANY_PROBLEMS", "%d more problems not listed".formatted(total - LIMIT)));
    }
    return problems;
  }

  private record Entry(Position position, int sequence, Problem problem) {}
}
