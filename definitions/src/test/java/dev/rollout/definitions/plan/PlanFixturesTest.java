package dev.rollout.definitions.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every fixture under {@code plans/valid} and every example parses; every fixture under {@code
 * plans/invalid} yields exactly the problems listed in its {@code .errors} file, in order.
 */
class PlanFixturesTest {

  static List<Path> validPlans() {
    return Fixtures.allValid();
  }

  static List<Path> invalidPlans() {
    return Fixtures.plans(Fixtures.INVALID);
  }

  @ParameterizedTest
  @MethodSource("validPlans")
  void validPlanParses(Path file) {
    PlanResult result = PlanParser.parse(Fixtures.read(file));
    assertThat(result).as("%s: %s", file, result).isInstanceOf(PlanResult.Valid.class);
  }

  @ParameterizedTest
  @MethodSource("invalidPlans")
  void invalidPlanYieldsExactlyItsExpectedProblems(Path file) {
    List<String> expected = Fixtures.read(Fixtures.errorsFile(file)).lines().toList();
    PlanResult result = PlanParser.parse(Fixtures.read(file));
    assertThat(result).isInstanceOf(PlanResult.Invalid.class);
    List<String> actual =
        ((PlanResult.Invalid) result).problems().stream().map(Fixtures::line).toList();
    assertThat(actual).containsExactlyElementsOf(expected);
  }

  @Test
  void everyInvalidFixtureHasAnErrorsFileAndEveryErrorsFileAFixture() throws Exception {
    assertThat(invalidPlans()).allSatisfy(plan -> assertThat(Fixtures.errorsFile(plan)).exists());
    try (var files = Files.list(Fixtures.INVALID)) {
      assertThat(files.filter(f -> f.toString().endsWith(".errors")).count())
          .isEqualTo(invalidPlans().size());
    }
  }

  @Test
  void invalidFixturesCoverEveryDocumentedCode() {
    List<String> codes =
        invalidPlans().stream()
            .flatMap(plan -> Fixtures.read(Fixtures.errorsFile(plan)).lines())
            .map(line -> line.split(": ", 3)[1])
            .distinct()
            .toList();
    // TOO_LARGE, TOO_MANY_PROBLEMS and INTERNAL_ERROR are proven in PlanParserTest
    assertThat(codes)
        .containsExactlyInAnyOrder(
            "SYNTAX",
            "EMPTY",
            "DUPLICATE_KEY",
            "TOO_DEEP",
            "TOO_MANY_ALIASES",
            "REQUIRED",
            "WRONG_TYPE",
            "NOT_A_NUMBER",
            "OUT_OF_RANGE",
            "UNKNOWN_FIELD",
            "INVALID_VALUE",
            "INVALID_NAME",
            "INVALID_VERSION",
            "INVALID_VERSION_RANGE",
            "INVALID_DURATION",
            "INVALID_TIME_WINDOW",
            "DUPLICATE_NAME",
            "PERCENT_DECREASES",
            "WINDOW_TOO_SHORT",
            "CONTRADICTION");
  }
}
