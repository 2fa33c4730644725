package dev.rollout.definitions.version;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SemVerTest {

  @Test
  void parsesReleaseAndPreRelease() {
    assertThat(SemVer.parse("2.4.0")).isEqualTo(new SemVer(2, 4, 0, ""));
    assertThat(SemVer.parse("2.4.0-rc.1")).isEqualTo(new SemVer(2, 4, 0, "rc.1"));
    assertThat(SemVer.parse("10.20.30-alpha-1.0a")).hasToString("10.20.30-alpha-1.0a");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "2",
        "2.4",
        "v2.4.0",
        "2.4.0.1",
        "02.4.0",
        "2.04.0",
        "2.4.0-",
        "2.4.0-01",
        "2.4.0+build.1",
        " 2.4.0",
        "2.4.x",
        "2.4.0-rc..1"
      })
  void rejectsMalformedVersions(String text) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> SemVer.parse(text))
        .withMessageContaining("expected a semantic version");
  }

  @Test
  void rejectsComponentsThatDoNotFitTheKey() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> SemVer.parse("1048576.0.0"))
        .withMessageContaining("below 1048576");
    assertThat(SemVer.parse("1048575.1048575.1048575").key()).isEqualTo((1L << 60) - 1);
  }

  @Test
  void ordersAsSemverOrgSays() {
    List<String> ordered =
        List.of(
            "1.0.0-alpha",
            "1.0.0-alpha.1",
            "1.0.0-alpha.beta",
            "1.0.0-beta",
            "1.0.0-beta.2",
            "1.0.0-beta.11",
            "1.0.0-rc.1",
            "1.0.0",
            "1.0.1",
            "1.2.0",
            "1.10.0",
            "2.0.0");
    List<SemVer> shuffled = new ArrayList<>(ordered.stream().map(SemVer::parse).toList());
    Collections.reverse(shuffled);
    Collections.sort(shuffled);
    assertThat(shuffled).extracting(SemVer::toString).containsExactlyElementsOf(ordered);
  }

  @Test
  void keyOrdersReleasesAndIgnoresPreRelease() {
    assertThat(SemVer.parse("2.4.0").key()).isEqualTo((2L << 40) | (4L << 20));
    assertThat(SemVer.parse("2.4.0-rc.1").key()).isEqualTo(SemVer.parse("2.4.0").key());
    assertThat(SemVer.parse("1.1048575.0").key()).isLessThan(SemVer.parse("2.0.0").key());
  }
}
