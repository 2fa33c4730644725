package dev.rollout.activities.rollout;

import static dev.rollout.activities.rollout.Fixture.JSON;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rollout.activities.store.Jdbc;
import dev.rollout.activities.store.Rollouts;
import dev.rollout.activities.testing.Fleet;
import dev.rollout.activities.testing.FleetSpec;
import dev.rollout.activities.testing.Releases;
import dev.rollout.definitions.plan.Plan;
import dev.rollout.definitions.plan.Problem;
import dev.rollout.workflows.rollout.PhasePopulation;
import dev.rollout.workflows.rollout.Preparation;
import dev.rollout.workflows.rollout.PrepareRequest;
import dev.rollout.workflows.rollout.WaveRequest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PrepareIT {

  private final Fixture fixture = new Fixture();

  @Test
  void recordsTheRolloutAndItsPopulationPerPhase() {
    fixture.withFleet(1000);

    Preparation preparation = fixture.prepare(Fixture.ROLLOUT);

    assertThat(preparation.rejected()).isFalse();
    assertThat(preparation.plan()).isEqualTo(fixture.plan);
    assertThat(preparation.phases())
        .containsExactly(
            new PhasePopulation("internal", 20, 1),
            new PhasePopulation("low-risk", 50, 3),
            new PhasePopulation("quarter", 1000, 250),
            new PhasePopulation("everyone", 1000, 1000));
    assertThat(preparation.ineligible()).isEmpty();
    Plan stored = Jdbc.inTransaction(fixture.db, c -> Rollouts.plan(c, Fixture.ROLLOUT));
    assertThat(stored).isEqualTo(fixture.plan);
  }

  @Test
  void listsIneligibleDevicesWithTheirReasons() {
    Releases.register(fixture.db, "2.2.0", List.of("th-200"), 1, true);
    Releases.policy(fixture.db, "2.0.0", 1, List.of());
    Fleet.seed(fixture.db, FleetSpec.of(100).withIdPrefix("ok-"));
    Fleet.seed(fixture.db, FleetSpec.of(7).withIdPrefix("hw-").withHardwareModels("th-300"));
    Fleet.seed(fixture.db, FleetSpec.of(5).withIdPrefix("old-").withVersion("1.9.9"));
    Fleet.seed(fixture.db, FleetSpec.of(4).withIdPrefix("cur-").withVersion("2.4.0"));
    Fleet.seed(fixture.db, FleetSpec.of(3).withIdPrefix("bad-").withVersion("two"));
    Fleet.seed(
        fixture.db,
        FleetSpec.of(6).withIdPrefix("mig-").withVersion("2.1.0").withHardwareModels("th-100"));
    Fleet.seed(
        fixture.db,
        FleetSpec.of(2).withIdPrefix("step-").withVersion("2.1.0").withHardwareModels("th-200"));

    Preparation preparation = fixture.prepare(Fixture.ROLLOUT);

    assertThat(preparation.ineligible())
        .isEqualTo(
            Map.of(
                "INCOMPATIBLE_HARDWARE", 7L,
                "UNSUPPORTED_VERSION", 8L,
                "ALREADY_CURRENT", 4L,
                "MIGRATION_REQUIRED", 6L));
    // a registered stepping-stone release for the model keeps the device eligible
    assertThat(preparation.phases().get(3).population()).isEqualTo(102);
  }

  @Test
  void reportsEveryInputAndReleaseProblemAtOnce() {
    Releases.storePlan(
        fixture.db,
        "stored",
        Fixture.JSON
            .valueToTree(dev.rollout.activities.testing.Plans.fourPhase("stored", "9.9.9"))
            .toString());
    ObjectNode input = JSON.createObjectNode();
    input.put("planName", "stored");
    input.put("requestedBy", 42);
    input.put("colour", "blue");
    Preparation preparation = fixture.activities.prepare(new PrepareRequest("r2", input));

    assertThat(preparation.rejected()).isTrue();
    assertThat(preparation.problems())
        .extracting(Problem::path, Problem::code)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("colour", "UNKNOWN_FIELD"),
            org.assertj.core.groups.Tuple.tuple("requestedBy", "WRONG_TYPE"),
            org.assertj.core.groups.Tuple.tuple("release", "UNKNOWN_RELEASE"));
    assertThat(count("SELECT count(*) FROM rollouts")).isZero();
  }

  @Test
  void rejectsInputWithoutExactlyOnePlan() {
    assertThat(codes(JSON.createObjectNode())).containsExactly("MISSING_PLAN");
    ObjectNode both = Fixture.inlineInput(fixture.plan);
    both.put("planName", "x");
    assertThat(codes(both)).containsExactly("AMBIGUOUS_INPUT");
    assertThat(codes(JSON.getNodeFactory().textNode("plan"))).containsExactly("INVALID_INPUT");
    assertThat(codes(null)).containsExactly("INVALID_INPUT");
    ObjectNode unknownName = JSON.createObjectNode().put("planName", "nope");
    assertThat(codes(unknownName)).containsExactly("UNKNOWN_PLAN");
    ObjectNode wrongPlan = JSON.createObjectNode().put("plan", "text");
    assertThat(codes(wrongPlan)).containsExactly("WRONG_TYPE");
  }

  @Test
  void rejectsAReleaseThatNeedsANewerServer() {
    TestDatabaseTables.deleteReleases(fixture.db);
    Releases.register(fixture.db, "2.4.0", List.of("th-100"), 3, false);
    Releases.policy(fixture.db, "0.0.0", 2, List.of());

    assertThat(codes(Fixture.inlineInput(fixture.plan))).containsExactly("SERVER_API_TOO_OLD");
  }

  @Test
  void aRetriedPrepareKeepsAssignmentsAndRanks() {
    fixture.withFleet(1000);
    fixture.prepare(Fixture.ROLLOUT);
    fixture.activities.assignWave(new WaveRequest(Fixture.ROLLOUT, 2, 100, Fixture.T0));
    long ranks = count("SELECT sum(rank % 1000) FROM rollout_population");

    Preparation again = fixture.prepare(Fixture.ROLLOUT);

    assertThat(again.phases().get(2)).isEqualTo(new PhasePopulation("quarter", 1000, 250));
    assertThat(count("SELECT count(*) FROM assignments")).isEqualTo(100);
    assertThat(count("SELECT sum(rank % 1000) FROM rollout_population")).isEqualTo(ranks);
    assertThat(count("SELECT count(*) FROM rollout_population")).isEqualTo(1000);
  }

  private List<String> codes(com.fasterxml.jackson.databind.JsonNode input) {
    return fixture.activities.prepare(new PrepareRequest("r3", input)).problems().stream()
        .map(Problem::code)
        .toList();
  }

  private long count(String sql) {
    return Jdbc.inTransaction(fixture.db, c -> Jdbc.queryLong(c, sql));
  }
}
