package dev.rollout.worker.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.rollout.definitions.time.Durations;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;

/**
 * The demo's plans, {@code examples/demo/*.yaml} (packaged into the jar), with every duration of
 * the plan divided by the demo's speed.
 */
final class DemoPlans {

  private DemoPlans() {}

  static JsonNode load(String name, double speed) {
    String resource = "/dev/rollout/worker/demo/" + name + ".yaml";
    try (InputStream in = DemoPlans.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("the demo plan " + resource + " is not in the jar");
      }
      ObjectNode plan = (ObjectNode) new YAMLMapper().readTree(in);
      scale(plan.path("window"), "closesAfter", speed);
      scale(plan.path("devicePolicy"), "inProgressTimeout", speed);
      plan.path("phases").forEach(phase -> scale(phase, "soak", speed));
      return plan;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void scale(JsonNode parent, String field, double speed) {
    if (parent instanceof ObjectNode object && object.hasNonNull(field)) {
      Duration duration = Durations.parse(object.get(field).asText());
      long seconds = Math.max(1, Math.round(duration.toSeconds() / speed));
      object.put(field, seconds + "s");
    }
  }
}
