package dev.rollout.definitions.plan;

import dev.rollout.definitions.time.Durations;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The rules that span several fields: each skips values that were already reported as wrong. */
final class PlanChecks {

  private PlanChecks() {}

  static void uniqueNames(List<PhaseReader.Draft> phases) {
    Map<String, Node> seen = new HashMap<>();
    for (PhaseReader.Draft phase : phases) {
      if (phase.name() == null) {
        continue;
      }
      Node first = seen.putIfAbsent(phase.name(), phase.node().field("name"));
      if (first != null) {
        phase
            .node()
            .field("name")
            .problem(
                "DUPLICATE_NAME",
                "phase name '" + phase.name() + "' is already used at " + first.path());
      }
    }
  }

  /** Percents are cumulative, so a later phase never covers less than an earlier one. */
  static void percentsNeverDecrease(List<PhaseReader.Draft> phases) {
    PhaseReader.Draft highest = null;
    for (PhaseReader.Draft phase : phases) {
      if (phase.percent() == null) {
        continue;
      }
      if (highest != null && phase.percent() < highest.percent()) {
        phase
            .node()
            .field("cohort")
            .field("percent")
            .problem(
                "PERCENT_DECREASES",
                "must not be below %s of %s (percent is cumulative), got %s"
                    .formatted(
                        Range.format(highest.percent()),
                        highest.node().path(),
                        Range.format(phase.percent())));
      } else {
        highest = phase;
      }
    }
  }

  /** The window must outlast the soaks, or the last phase could never finish. */
  static void windowOutlastsSoaks(Node windowNode, Window window, List<PhaseReader.Draft> phases) {
    if (window == null || phases.stream().anyMatch(phase -> phase.soak() == null)) {
      return;
    }
    Duration soaks =
        phases.stream().map(PhaseReader.Draft::soak).reduce(Duration.ZERO, Duration::plus);
    if (window.closesAfter().compareTo(soaks) > 0) {
      return;
    }
    Node closesAfter = windowNode.field("closesAfter");
    String which = closesAfter.isPresent() ? "" : "the default ";
    closesAfter.problem(
        "WINDOW_TOO_SHORT",
        "%s%s must exceed the sum of the soaks, %s"
            .formatted(which, Durations.format(window.closesAfter()), Durations.format(soaks)));
  }

  /** With automatic rollback off, no phase may ask for an automatic rollback. */
  static void rollbackAllowed(RollbackPolicy rollback, List<PhaseReader.Draft> phases) {
    if (rollback == null || rollback.auto()) {
      return;
    }
    for (PhaseReader.Draft phase : phases) {
      if (phase.onFailure() == Phase.OnFailure.ROLLBACK) {
        phase
            .node()
            .field("onFailure")
            .problem(
                "CONTRADICTION", "'rollback' is an automatic rollback, but rollback.auto is false");
      }
    }
  }
}
