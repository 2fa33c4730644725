package dev.rollout.worker.device;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rollout.definitions.device.Decision;
import dev.rollout.definitions.device.DeferReason;
import dev.rollout.definitions.version.SemVer;
import dev.rollout.worker.config.CheckInProperties;
import java.time.Duration;
import java.util.IntSummaryStatistics;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class CheckInIntervalsTest {

  private static final CheckInIntervals DEFAULTS =
      new CheckInIntervals(
          new CheckInProperties(Duration.ofMinutes(10), Duration.ofMinutes(1), 0.1));
  private static final SemVer V = SemVer.parse("2.4.0");
  private static final List<Decision> IN_FLIGHT =
      List.of(
          new Decision.Update(V, false, false, 0),
          new Decision.Rollback(V),
          new Decision.Cancel(),
          new Decision.Defer(DeferReason.LOW_BATTERY, true),
          new Decision.Defer(DeferReason.METERED_OUTSIDE_OFF_PEAK, false));

  @Test
  void nothingToDoWaitsTheIdleIntervalWithinTheJitter() {
    IntSummaryStatistics idle = fleet(new Decision.None());

    assertThat(idle.getMin()).isBetween(540, 550);
    assertThat(idle.getMax()).isBetween(650, 660);
    assertThat(idle.getAverage()).isBetween(590.0, 610.0);
  }

  @Test
  void anythingInFlightWaitsTheActiveIntervalWithinTheJitter() {
    for (Decision decision : IN_FLIGHT) {
      IntSummaryStatistics active = fleet(decision);
      assertThat(active.getMin()).as(decision.toString()).isBetween(54, 55);
      assertThat(active.getMax()).as(decision.toString()).isBetween(65, 66);
    }
  }

  @Test
  void aDeviceKeepsItsOwnShareOfBothIntervals() {
    for (int i = 0; i < 100; i++) {
      String id = "dev-" + i;
      int idle = DEFAULTS.seconds(id, new Decision.None());
      assertThat(DEFAULTS.seconds(id, new Decision.None())).isEqualTo(idle);
      assertThat(DEFAULTS.seconds(id, new Decision.Cancel()) * 10.0).isCloseTo(idle, within(5.0));
    }
  }

  @Test
  void aFleetIsSpreadOverTheWholeJitterRange() {
    long distinct =
        IntStream.range(0, 10_000)
            .map(i -> DEFAULTS.seconds(String.format("dev-%07d", i), new Decision.None()))
            .distinct()
            .count();

    assertThat(distinct).isEqualTo(121); // every second from 540 to 660
  }

  @Test
  void withoutJitterEveryDeviceWaitsTheConfiguredIntervals() {
    CheckInIntervals exact =
        new CheckInIntervals(
            new CheckInProperties(Duration.ofMinutes(15), Duration.ofSeconds(30), 0));

    assertThat(exact.seconds("a", new Decision.None())).isEqualTo(900);
    assertThat(exact.seconds("b", new Decision.Rollback(V))).isEqualTo(30);
  }

  @Test
  void neverAnswersLessThanOneSecond() {
    CheckInIntervals shortest =
        new CheckInIntervals(
            new CheckInProperties(Duration.ofSeconds(1), Duration.ofSeconds(1), 0.5));

    assertThat(IntStream.range(0, 1000).map(i -> shortest.seconds("d" + i, new Decision.Cancel())))
        .allMatch(seconds -> seconds >= 1 && seconds <= 2);
  }

  private static IntSummaryStatistics fleet(Decision decision) {
    return IntStream.range(0, 10_000)
        .map(i -> DEFAULTS.seconds(String.format("dev-%07d", i), decision))
        .summaryStatistics();
  }

  private static org.assertj.core.data.Offset<Double> within(double offset) {
    return org.assertj.core.data.Offset.offset(offset);
  }
}
