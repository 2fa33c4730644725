package dev.rollout.definitions.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class WilsonTest {

  @Test
  void criticalValuesMatchTheNormalTable() {
    assertThat(Wilson.z(0.95)).isCloseTo(1.959964, within(1e-6));
    assertThat(Wilson.z(0.90)).isCloseTo(1.644854, within(1e-6));
    assertThat(Wilson.z(0.99)).isCloseTo(2.575829, within(1e-6));
    assertThat(Wilson.z(0.999)).isCloseTo(3.290527, within(1e-6));
    assertThat(Wilson.z(0.80)).isCloseTo(1.281552, within(1e-6));
  }

  @Test
  void matchesAKnownInterval() {
    Wilson.Interval interval = Wilson.interval(81, 263, 0.95);
    assertThat(interval.lower()).isCloseTo(0.2553, within(1e-4));
    assertThat(interval.upper()).isCloseTo(0.3662, within(1e-4));
  }

  @Test
  void staysInsideZeroAndOneAtTheEdges() {
    Wilson.Interval none = Wilson.interval(0, 20, 0.95);
    assertThat(none.lower()).isZero();
    assertThat(none.upper()).isCloseTo(0.1611, within(1e-4));
    Wilson.Interval all = Wilson.interval(20, 20, 0.95);
    assertThat(all.lower()).isCloseTo(0.8389, within(1e-4));
    assertThat(all.upper()).isEqualTo(1.0);
  }

  @Test
  void knowsNothingWithoutTrials() {
    assertThat(Wilson.interval(0, 0, 0.95)).isEqualTo(new Wilson.Interval(0, 1));
  }

  @Test
  void narrowsAsTrialsGrow() {
    Wilson.Interval small = Wilson.interval(95, 100, 0.95);
    Wilson.Interval large = Wilson.interval(9500, 10000, 0.95);
    assertThat(large.lower()).isGreaterThan(small.lower());
    assertThat(large.upper()).isLessThan(small.upper());
  }

  @Test
  void rejectsImpossibleInputs() {
    assertThatIllegalArgumentException().isThrownBy(() -> Wilson.interval(5, 4, 0.95));
    assertThatIllegalArgumentException().isThrownBy(() -> Wilson.interval(-1, 4, 0.95));
    assertThatIllegalArgumentException().isThrownBy(() -> Wilson.interval(1, 4, 1.0));
    assertThatIllegalArgumentException().isThrownBy(() -> Wilson.interval(1, 4, Double.NaN));
  }
}
