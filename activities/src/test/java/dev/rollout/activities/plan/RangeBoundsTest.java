package dev.rollout.activities.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class RangeBoundsTest {

  @Test
  void splitsComparatorsAndTreatsABareVersionAsEquality() {
    assertThat(RangeBounds.parse(">=2.0.0 <2.4.0"))
        .containsExactly(new RangeBounds.Bound(">=", "2.0.0"), new RangeBounds.Bound("<", "2.4.0"));
    assertThat(RangeBounds.parse("2.1.0")).containsExactly(new RangeBounds.Bound("=", "2.1.0"));
    assertThat(RangeBounds.parse(" > 1.0.0 <=3.0.0-rc.1"))
        .containsExactly(
            new RangeBounds.Bound(">", "1.0.0"), new RangeBounds.Bound("<=", "3.0.0-rc.1"));
  }

  @Test
  void rejectsAnEmptyRange() {
    assertThatIllegalArgumentException().isThrownBy(() -> RangeBounds.parse("  "));
  }
}
