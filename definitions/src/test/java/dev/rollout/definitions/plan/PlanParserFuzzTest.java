package dev.rollout.definitions.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Whatever arrives (a workflow input, an upload), the parser answers Valid or Invalid with problems
 * people can read: it never throws, and never fails inside.
 */
class PlanParserFuzzTest {

  private static final String CANONICAL = Fixtures.read(Path.of("../examples/staged-rollout.yaml"));
  private static final List<String> FRAGMENTS =
      List.of(
          "",
          " ",
          "\n",
          ":",
          "- ",
          "{",
          "}",
          "[",
          "]",
          ",",
          "&a ",
          "*a",
          "!!str ",
          "'",
          "\"",
          "#",
          "---\n",
          "~",
          "null",
          ".nan",
          "-1",
          "0",
          "1e999",
          "99999999999999999999",
          "true",
          "successRate",
          "  ",
          "\t",
          "\u0000",
          "é",
          "<<: *a\n",
          "? ",
          "|",
          ">",
          "%YAML 1.2\n");

  @Property(tries = 300)
  void neverThrowsOnArbitraryText(@ForAll String text) {
    assertWellFormed(PlanParser.parse(text));
  }

  @Property(tries = 400)
  void neverThrowsOnMutatedValidPlans(@ForAll("mutatedPlans") String text) {
    assertWellFormed(PlanParser.parse(text));
  }

  @Property(tries = 200)
  void neverThrowsOnTruncatedValidPlans(@ForAll("truncatedPlans") String text) {
    assertWellFormed(PlanParser.parse(text));
  }

  @Provide
  Arbitrary<String> mutatedPlans() {
    Arbitrary<Integer> at = Arbitraries.integers().between(0, CANONICAL.length());
    Arbitrary<Integer> length = Arbitraries.integers().between(0, 12);
    Arbitrary<String> insert =
        Arbitraries.oneOf(Arbitraries.of(FRAGMENTS), Arbitraries.strings().ofMaxLength(6));
    Arbitrary<String> once =
        Combinators.combine(at, length, insert)
            .as(
                (start, cut, text) ->
                    CANONICAL.substring(0, start)
                        + text
                        + CANONICAL.substring(Math.min(CANONICAL.length(), start + cut)));
    return once;
  }

  @Provide
  Arbitrary<String> truncatedPlans() {
    return Arbitraries.integers()
        .between(0, CANONICAL.length())
        .map(end -> CANONICAL.substring(0, end));
  }

  private static void assertWellFormed(PlanResult result) {
    assertThat(result).isNotNull();
    if (result instanceof PlanResult.Invalid invalid) {
      assertThat(invalid.problems())
          .isNotEmpty()
          .allSatisfy(
              problem -> {
                assertThat(problem.code()).isNotBlank().isNotEqualTo("INTERNAL_ERROR");
                assertThat(problem.path() + problem.message()).isNotBlank();
                assertThat(problem.message()).isNotBlank();
              });
    }
  }
}
