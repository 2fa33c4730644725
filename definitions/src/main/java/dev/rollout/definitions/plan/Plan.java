package dev.rollout.definitions.plan;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;

/**
 * A validated rollout plan (DESIGN.md §2). Instances only come out of {@link PlanParser}, with
 * every default filled in, so consumers never deal with absent values.
 */
public record Plan(
    String apiVersion,
    String name,
    String release,
    Target target,
    DevicePolicy devicePolicy,
    Rate rate,
    Window window,
    List<Phase> phases,
    RollbackPolicy rollback) {

  public static final String API_VERSION = "rollout/v1";

  public Plan {
    requireNonNull(apiVersion, "apiVersion");
    requireNonNull(name, "name");
    requireNonNull(release, "release");
    requireNonNull(target, "target");
    requireNonNull(devicePolicy, "devicePolicy");
    requireNonNull(rate, "rate");
    requireNonNull(window, "window");
    phases = List.copyOf(phases);
    requireNonNull(rollback, "rollback");
  }

  /** The workflow id used when the CLI or API starts this plan. */
  @JsonIgnore
  public String workflowId() {
    return "rollout-" + name;
  }
}
