package dev.rollout.activities.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rollout.definitions.plan.Plan;
import io.temporal.common.converter.JacksonJsonPayloadConverter;

/**
 * The validated plan as stored in {@code rollouts.plan}: written with Temporal's own object mapper,
 * so the store holds exactly what the workflow history holds.
 */
public final class PlanJson {

  private static final ObjectMapper MAPPER = JacksonJsonPayloadConverter.newDefaultObjectMapper();

  private PlanJson() {}

  public static String write(Plan plan) {
    try {
      return MAPPER.writeValueAsString(plan);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot write plan " + plan.name(), e);
    }
  }

  public static Plan read(String json) throws JsonProcessingException {
    return MAPPER.readValue(json, Plan.class);
  }
}
