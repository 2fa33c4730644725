package dev.rollout.activities.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rollout.activities.store.Jdbc;
import dev.rollout.activities.testing.Fleet;
import dev.rollout.activities.testing.FleetSpec;
import dev.rollout.activities.testing.Plans;
import dev.rollout.activities.testing.Releases;
import dev.rollout.activities.testing.TestDatabase;
import dev.rollout.definitions.plan.Plan;
import dev.rollout.definitions.plan.Target;
import dev.rollout.definitions.version.VersionRange;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

class PopulationIT {

  private final DataSource db = TestDatabase.dataSource();

  PopulationIT() {
    TestDatabase.reset();
    Releases.register(db, "2.4.0", "th-100", "th-200");
    Fleet.seed(db, FleetSpec.of(100).withIdPrefix("a-").withVersion("2.3.0"));
    Fleet.seed(db, FleetSpec.of(100).withIdPrefix("b-").withVersion("2.0.0-rc.1"));
    Fleet.seed(db, FleetSpec.of(100).withIdPrefix("c-").withVersion("1.9.0"));
  }

  @Test
  void filtersTheTargetByVersionRangeOnTheNumericKey() {
    assertThat(population(Target.EVERYONE, ">=2.0.0 <2.4.0")).isEqualTo(Map.of("a", 100L));
    assertThat(population(Target.EVERYONE, ">=2.0.0-rc.1")).isEqualTo(Map.of("a", 100L, "b", 100L));
    assertThat(population(Target.EVERYONE, "<2.0.0")).isEqualTo(Map.of("b", 100L, "c", 100L));
    assertThat(population(Target.EVERYONE, "1.9.0")).isEqualTo(Map.of("c", 100L));
  }

  @Test
  void filtersTheTargetByModelsRegionsAndTags() {
    Target target =
        new Target(List.of("th-100"), List.of("eu-west"), null, Map.of("channel", "stable"));
    long expected =
        count(
            "SELECT count(*) FROM devices WHERE hardware_model = 'th-100' AND region = 'eu-west'");

    assertThat(population(target, null).values().stream().mapToLong(Long::longValue).sum())
        .isEqualTo(expected)
        .isBetween(40L, 110L);
    Target nobody = new Target(List.of(), List.of(), null, Map.of("channel", "beta"));
    assertThat(population(nobody, null)).isEmpty();
  }

  /** Population rows by the device id's prefix. */
  private Map<String, Long> population(Target target, String range) {
    Target ranged =
        new Target(
            target.hardwareModels(),
            target.regions(),
            range == null ? null : VersionRange.parse(range),
            target.tags());
    Plan plan = Plans.withTarget("p", "2.4.0", ranged);
    return Jdbc.inTransaction(
        db,
        c -> {
          Population.compute(c, "r", plan);
          Map<String, Long> byPrefix = new java.util.TreeMap<>();
          for (Object[] row :
              Jdbc.query(
                  c,
                  "SELECT split_part(device_id, '-', 1), count(*) FROM rollout_population"
                      + " GROUP BY 1",
                  r -> new Object[] {r.getString(1), r.getLong(2)})) {
            byPrefix.put((String) row[0], (Long) row[1]);
          }
          return byPrefix;
        });
  }

  private long count(String sql) {
    return Jdbc.inTransaction(db, c -> Jdbc.queryLong(c, sql));
  }
}
