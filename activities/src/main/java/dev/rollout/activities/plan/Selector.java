package dev.rollout.activities.plan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rollout.definitions.plan.Cohort;
import dev.rollout.definitions.plan.Target;
import dev.rollout.definitions.version.VersionRange;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A device filter as SQL over {@code devices d}: a boolean expression and its bound parameters.
 * Only the shape comes from the plan (which selectors are present); every value is bound.
 */
record Selector(String sql, List<Object> params) {

  private static final ObjectMapper JSON = new ObjectMapper();

  Selector {
    params = List.copyOf(params);
  }

  /** The plan's target. */
  static Selector target(Target target) {
    Builder builder = new Builder();
    builder.anyOf("d.hardware_model", target.hardwareModels());
    builder.anyOf("d.region", target.regions());
    builder.tags(target.tags());
    if (target.versions() != null) {
      for (VersionRange.Bound bound : target.versions().bounds()) {
        // the operator's symbol comes from a closed enum, never from the plan's text
        builder.add(
            "d.version_key " + bound.op().symbol() + " version_key(?)", bound.version().toString());
      }
    }
    return builder.build();
  }

  /** A phase's cohort selector (its percent is applied when assigning). */
  static Selector cohort(Cohort cohort) {
    Builder builder = new Builder();
    builder.anyOf("d.hardware_model", cohort.hardwareModels());
    builder.anyOf("d.region", cohort.regions());
    builder.tags(cohort.tags());
    return builder.build();
  }

  private static final class Builder {
    private final List<String> conditions = new ArrayList<>();
    private final List<Object> params = new ArrayList<>();

    void add(String condition, Object param) {
      conditions.add(condition);
      params.add(param);
    }

    void anyOf(String column, List<String> values) {
      if (!values.isEmpty()) {
        add(column + " = ANY(?)", values);
      }
    }

    void tags(Map<String, String> tags) {
      if (!tags.isEmpty()) {
        try {
          add("d.tags @> ?::jsonb", JSON.writeValueAsString(tags));
        } catch (JsonProcessingException e) {
          throw new IllegalStateException("a map of strings always serializes", e);
        }
      }
    }

    Selector build() {
      return new Selector(
          conditions.isEmpty() ? "true" : "(" + String.join(" AND ", conditions) + ")", params);
    }
  }
}
