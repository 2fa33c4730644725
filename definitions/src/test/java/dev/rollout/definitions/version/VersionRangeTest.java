package dev.rollout.definitions.version;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.rollout.definitions.version.VersionRange.Bound;
import dev.rollout.definitions.version.VersionRange.Op;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class VersionRangeTest {

  @Test
  void containsWhatSatisfiesEveryComparator() {
    VersionRange range = VersionRange.parse(">=2.0.0 <2.4.0");
    assertThat(range.contains(SemVer.parse("2.0.0"))).isTrue();
    assertThat(range.contains(SemVer.parse("2.3.9"))).isTrue();
    assertThat(range.contains(SemVer.parse("2.4.0-rc.1"))).isTrue();
    assertThat(range.contains(SemVer.parse("2.4.0"))).isFalse();
    assertThat(range.contains(SemVer.parse("1.9.9"))).isFalse();
  }

  @Test
  void supportsEveryOperatorAndBareVersions() {
    SemVer v = SemVer.parse("2.0.0");
    assertThat(VersionRange.parse(">2.0.0").contains(v)).isFalse();
    assertThat(VersionRange.parse("<=2.0.0").contains(v)).isTrue();
    assertThat(VersionRange.parse("=2.0.0").contains(v)).isTrue();
    assertThat(VersionRange.parse("2.0.0").contains(v)).isTrue();
    assertThat(VersionRange.parse("2.0.1").contains(v)).isFalse();
  }

  @Test
  void exposesBoundsForQueries() {
    assertThat(VersionRange.parse(">= 2.0.0   <2.4.0").bounds())
        .containsExactly(
            new Bound(Op.GE, SemVer.parse("2.0.0")), new Bound(Op.LT, SemVer.parse("2.4.0")));
  }

  @Test
  void writesACanonicalFormThatParsesBack() {
    VersionRange range = VersionRange.parse(" >= 2.0.0 2.1.0 ");
    assertThat(range).hasToString(">=2.0.0 =2.1.0");
    assertThat(VersionRange.parse(range.toString())).isEqualTo(range).hasSameHashCodeAs(range);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        ">=2.4.0 <2.0.0",
        ">2.0.0 <2.0.0",
        "=2.0.0 =2.0.1",
        ">=2.0.0 <=1.9.9",
        ">2.0.0 <=2.0.0"
      })
  void rejectsRangesThatMatchNothing(String text) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> VersionRange.parse(text))
        .withMessageContaining("matches no version");
  }

  @Test
  void acceptsARangeOfOneVersion() {
    assertThat(VersionRange.parse(">=2.0.0 <=2.0.0").contains(SemVer.parse("2.0.0"))).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"", "   ", ">=", ">=2.0", "~2.0.0", "^2.0.0", ">=2.0.0,<2.4.0", "2.x", ">>2.0.0"})
  void rejectsMalformedRanges(String text) {
    assertThatIllegalArgumentException().isThrownBy(() -> VersionRange.parse(text));
  }
}
