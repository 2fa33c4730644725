package dev.rollout.activities.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import dev.rollout.activities.testing.TestDatabase;
import dev.rollout.definitions.plan.Problem;
import dev.rollout.definitions.policy.VersionPolicy;
import dev.rollout.definitions.version.SemVer;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PolicyStoreIT {

  private final PolicyStore policies = new PolicyStore(TestDatabase.dataSource());

  @BeforeEach
  void freshStore() {
    TestDatabase.reset();
  }

  @Test
  void readsTheDefaultAndStoresAnUpdate() {
    assertThat(policies.read()).isEqualTo(new VersionPolicy(SemVer.parse("0.0.0"), 1, List.of()));

    VersionPolicy stored =
        policies.update(new PolicyInput("2.0.0", 3, List.of("2.5.0", "2.2.0", "2.5.0")));

    assertThat(stored)
        .isEqualTo(
            new VersionPolicy(
                SemVer.parse("2.0.0"), 3, List.of(SemVer.parse("2.2.0"), SemVer.parse("2.5.0"))));
    assertThat(policies.read()).isEqualTo(stored);
  }

  @Test
  void listsEveryProblemAndChangesNothing() {
    assertThatThrownBy(
            () -> policies.update(new PolicyInput("two", 0, Arrays.asList("2.2.0", "x", null))))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e ->
                assertThat(e.problems())
                    .extracting(Problem::path, Problem::code)
                    .containsExactly(
                        tuple("minSupportedVersion", "INVALID_VERSION"),
                        tuple("serverApiVersion", "OUT_OF_RANGE"),
                        tuple("criticalMigrations[1]", "INVALID_VERSION"),
                        tuple("criticalMigrations[2]", "REQUIRED")));
    assertThatThrownBy(() -> policies.update(new PolicyInput(null, null, null)))
        .isInstanceOfSatisfying(
            InvalidInputException.class, e -> assertThat(e.problems()).hasSize(3));
    assertThat(policies.read().serverApiVersion()).isEqualTo(1);
  }
}
