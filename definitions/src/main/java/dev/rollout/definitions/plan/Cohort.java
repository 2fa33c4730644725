package dev.rollout.definitions.plan;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A phase's selector within the plan's target, and its cumulative share of that selection.
 *
 * @param percent cumulative: by the end of the phase at least ceil(percent% x population) are
 *     assigned
 */
public record Cohort(
    Map<String, String> tags, List<String> hardwareModels, List<String> regions, double percent) {

  public Cohort {
    tags = java.util.Collections.unmodifiableMap(new TreeMap<>(tags));
    hardwareModels = List.copyOf(hardwareModels);
    regions = List.copyOf(regions);
  }
}
