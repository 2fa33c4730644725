package dev.rollout.activities.rollout;

import static dev.rollout.activities.rollout.Fixture.ROLLOUT;
import static dev.rollout.activities.rollout.Fixture.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.rollout.activities.metrics.MetricsReader;
import dev.rollout.activities.metrics.MetricsSnapshot;
import dev.rollout.activities.metrics.MetricsSnapshot.FleetCount;
import dev.rollout.activities.metrics.MetricsSnapshot.Outcome;
import dev.rollout.activities.testing.Outcomes;
import dev.rollout.workflows.rollout.WaveRequest;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class MetricsReaderIT {

  private final Fixture fixture = new Fixture().withFleet(1000);

  @Test
  void readsOutcomesFailureReasonsStatesAndTheFleet() {
    fixture.prepare(ROLLOUT);
    fixture.activities.assignWave(new WaveRequest(ROLLOUT, 1, Long.MAX_VALUE, T0));
    fixture.activities.assignWave(new WaveRequest(ROLLOUT, 2, Long.MAX_VALUE, T0));
    Outcomes.complete(fixture.db, ROLLOUT, 2, 40, 7);
    String phase = fixture.plan.phases().get(2).name();

    MetricsSnapshot snapshot =
        new MetricsReader(fixture.db, Duration.ofDays(36500)).read(T0.plusSeconds(60));

    assertThat(snapshot.outcomes())
        .extracting(Outcome::phase, Outcome::outcome, Outcome::devices)
        .contains(tuple(phase, "SUCCEEDED", 40L), tuple(phase, "FAILED", 7L));
    assertThat(snapshot.failures())
        .extracting(MetricsSnapshot.Count::key, MetricsSnapshot.Count::value)
        .containsExactly(tuple("INSTALL_FAILED", 7L));
    assertThat(snapshot.states()).extracting(MetricsSnapshot.Count::rolloutId).contains(ROLLOUT);
    assertThat(snapshot.fleet().stream().mapToLong(FleetCount::devices).sum()).isEqualTo(1000);
  }
}
