package dev.rollout.activities.rollout;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rollout.activities.testing.Fleet;
import dev.rollout.activities.testing.FleetSpec;
import dev.rollout.activities.testing.Plans;
import dev.rollout.activities.testing.Releases;
import dev.rollout.activities.testing.TestDatabase;
import dev.rollout.definitions.plan.Plan;
import dev.rollout.workflows.rollout.Preparation;
import dev.rollout.workflows.rollout.PrepareRequest;
import java.time.Instant;
import javax.sql.DataSource;

/**
 * A fresh store with 1,000 devices (20 internal, 50 low-risk), release 2.4.0 and the four-phase
 * plan prepared as rollout {@code r1}.
 */
final class Fixture {

  static final String ROLLOUT = "r1";
  static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  static final ObjectMapper JSON = new ObjectMapper();

  final DataSource db = TestDatabase.dataSource();
  final Plan plan = Plans.fourPhase("thermostat-2-4-0", "2.4.0");
  final RolloutActivitiesImpl activities = new RolloutActivitiesImpl(db);

  Fixture() {
    TestDatabase.reset();
    Releases.register(db, "2.4.0", "th-100", "th-200");
  }

  Fixture withFleet(int devices) {
    Fleet.seed(db, FleetSpec.of(devices));
    return this;
  }

  Preparation prepare(String rolloutId) {
    return activities.prepare(new PrepareRequest(rolloutId, inlineInput(plan)));
  }

  /** The records' JSON is the plan format, so the real parser reads the plan back. */
  static ObjectNode inlineInput(Plan plan) {
    ObjectNode input = JSON.createObjectNode();
    input.set("plan", JSON.valueToTree(plan));
    input.put("requestedBy", "alice");
    return input;
  }
}
