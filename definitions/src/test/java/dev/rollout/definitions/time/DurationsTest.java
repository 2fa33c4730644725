package dev.rollout.definitions.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DurationsTest {

  @Test
  void parsesEveryUnit() {
    assertThat(Durations.parse("90s")).isEqualTo(Duration.ofSeconds(90));
    assertThat(Durations.parse("15m")).isEqualTo(Duration.ofMinutes(15));
    assertThat(Durations.parse("2h")).isEqualTo(Duration.ofHours(2));
    assertThat(Durations.parse("14d")).isEqualTo(Duration.ofDays(14));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "", "2", "h", "2 h", " 2h", "2h ", "-2h", "1.5h", "2H", "2w", "PT2H", "2h30m", "1e3s"
      })
  void rejectsWhatIsNotANumberAndAUnit(String text) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Durations.parse(text))
        .withMessageContaining("expected a duration such as 90s");
  }

  @Test
  void rejectsZeroAndNull() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Durations.parse("0s"))
        .withMessageContaining("must be positive");
    assertThatIllegalArgumentException().isThrownBy(() -> Durations.parse(null));
  }

  @Test
  void rejectsNumbersTooLongToBeMeant() {
    assertThatIllegalArgumentException().isThrownBy(() -> Durations.parse("9999999999999d"));
  }

  @Test
  void formatsInTheLargestExactUnit() {
    assertThat(Durations.format(Duration.ofHours(48))).isEqualTo("2d");
    assertThat(Durations.format(Duration.ofHours(2))).isEqualTo("2h");
    assertThat(Durations.format(Duration.ofMinutes(90))).isEqualTo("90m");
    assertThat(Durations.format(Duration.ofSeconds(90))).isEqualTo("90s");
    assertThat(Durations.format(Duration.ZERO)).isEqualTo("0s");
  }

  @Test
  void formatRejectsWhatTheSyntaxCannotSay() {
    assertThatIllegalArgumentException().isThrownBy(() -> Durations.format(Duration.ofMillis(1)));
    assertThatIllegalArgumentException().isThrownBy(() -> Durations.format(Duration.ofSeconds(-1)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"1s", "59s", "61m", "25h", "365d"})
  void formatInvertsParse(String text) {
    assertThat(Durations.format(Durations.parse(text))).isEqualTo(text);
  }
}
