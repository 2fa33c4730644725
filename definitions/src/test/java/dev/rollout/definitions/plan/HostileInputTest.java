package dev.rollout.definitions.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Documents built to hurt: each is answered with problems, quickly and in little memory. */
class HostileInputTest {

  // generous: the point is "no hang, no blow-up", and shared CI machines are slow
  private static final Duration QUICKLY = Duration.ofSeconds(30);
  private static final String HEAD = "apiVersion: rollout/v1\nname: hostile\nrelease: 2.4.0\n";

  private static List<String> codes(Supplier<String> document) {
    return problems(document).stream().map(Problem::code).toList();
  }

  private static List<Problem> problems(Supplier<String> document) {
    String text = document.get();
    assertThat(text.length()).as("built under the size limit").isLessThan(Documents.MAX_CHARS);
    PlanResult result = assertTimeoutPreemptively(QUICKLY, () -> PlanParser.parse(text));
    assertThat(result).isInstanceOf(PlanResult.Invalid.class);
    return ((PlanResult.Invalid) result).problems();
  }

  @Test
  void rejectsDeepNestingJustUnderTheSizeLimit() {
    assertThat(codes(() -> "[".repeat(Documents.MAX_CHARS - 1))).containsExactly("TOO_DEEP");
    assertThat(codes(() -> "a: ".repeat(300_000))).isNotEmpty();
  }

  @Test
  void rejectsAWideAliasBomb() {
    StringBuilder text = new StringBuilder(HEAD).append("a: &a [").append("x,".repeat(10_000));
    text.append("x]\nb: [").append("*a,".repeat(30)).append("*a]\n");
    assertThat(codes(text::toString)).containsExactly("TOO_MANY_ALIASES");
  }

  @Test
  void answersAHugeTagMapInLinearTime() {
    StringBuilder text = new StringBuilder(HEAD).append("target:\n  tags:\n");
    for (int i = 0; i < 40_000; i++) {
      text.append("    t").append(i).append(": ").append(i).append('\n');
    }
    assertThat(codes(text::toString)).hasSize(Problems.LIMIT + 1).endsWith("TOO_MANY_PROBLEMS");
  }

  @Test
  void answersManyUnknownFields() {
    StringBuilder text = new StringBuilder(HEAD);
    for (int i = 0; i < 25_000; i++) {
      text.append("successRate").append(i).append(": 1\n");
    }
    assertThat(codes(text::toString)).contains("UNKNOWN_FIELD", "TOO_MANY_PROBLEMS");
  }

  @Test
  void rejectsAHugeKey() {
    // SnakeYAML allows implicit keys of at most 1024 characters
    assertThat(codes(() -> HEAD + "k".repeat(400_000) + ": 1\n")).containsExactly("SYNTAX");
  }

  @Test
  void answersAHugePhaseList() {
    StringBuilder text = new StringBuilder(HEAD).append("phases:\n");
    for (int i = 0; i < 5_000; i++) {
      text.append("  - {name: p")
          .append(i % 10)
          .append(", cohort: {percent: ")
          .append(100 - i % 100)
          .append("}, soak: 365d}\n");
    }
    assertThat(codes(text::toString)).contains("DUPLICATE_NAME", "PERCENT_DECREASES");
  }

  @Test
  void answersAHugeKeyOverAWideListInLinearTime() {
    // every value beneath a key carries the key in its path: a long key must not be copied into
    // each of 200,000 paths (it took 13 s before keys in paths were shortened)
    StringBuilder text = new StringBuilder("{\"").append("k".repeat(49_000)).append("\": [");
    text.append("0,".repeat(200_000)).append("0]}");
    List<Problem> problems = problems(text::toString);
    assertThat(problems).extracting(Problem::code).startsWith("UNKNOWN_FIELD", "REQUIRED");
    assertThat(problems.get(0).path()).isEqualTo("k".repeat(40) + "...");
  }

  @Test
  void answersAHugeExplicitYamlKeyWithAShortPath() {
    StringBuilder text = new StringBuilder(HEAD).append("target:\n  tags:\n    ? \"");
    text.append("k".repeat(300_000)).append("\"\n    : [").append("0,".repeat(150_000));
    text.append("0]\nphases:\n  - {name: all, cohort: {percent: 100}, soak: 1h}\n");
    List<Problem> problems = problems(text::toString);
    assertThat(problems)
        .singleElement()
        .satisfies(
            problem -> {
              assertThat(problem.path()).isEqualTo("target.tags." + "k".repeat(40) + "...");
              assertThat(problem.code()).isEqualTo("WRONG_TYPE");
            });
  }

  @Test
  void quotesAHugeBadDurationShortly() {
    String bad = "1h\u202E" + "x".repeat(500_000);
    List<Problem> problems =
        problems(
            () ->
                HEAD
                    + "window: {closesAfter: \""
                    + bad
                    + "\"}\nphases:\n  - {name: all, cohort: {percent: 100}, soak: 1h}\n");
    assertThat(problems)
        .singleElement()
        .satisfies(
            problem -> {
              assertThat(problem.code()).isEqualTo("INVALID_DURATION");
              assertThat(problem.message())
                  .hasSizeLessThan(200)
                  .contains("got '1h\\u202Exxx")
                  .doesNotContain("\u202E");
            });
  }

  @Test
  void reportsNumbersTooLongToRead() {
    assertThat(codes(() -> HEAD + "rollback: {minDevices: " + "9".repeat(5_000) + "}\n"))
        .isNotEmpty();
  }
}
