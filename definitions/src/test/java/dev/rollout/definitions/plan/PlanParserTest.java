package dev.rollout.definitions.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rollout.definitions.version.VersionRange;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlanParserTest {

  private static final String MINIMAL =
      """
      apiVersion: rollout/v1
      name: minimal
      release: 1.0.0
      phases:
        - {name: all, cohort: {percent: 100}, soak: 1h}
      """;

  private static Plan valid(String text) {
    PlanResult result = PlanParser.parse(text);
    assertThat(result).as("%s", result).isInstanceOf(PlanResult.Valid.class);
    return ((PlanResult.Valid) result).plan();
  }

  private static List<Problem> problems(String text) {
    PlanResult result = PlanParser.parse(text);
    assertThat(result).isInstanceOf(PlanResult.Invalid.class);
    return ((PlanResult.Invalid) result).problems();
  }

  @Test
  void fillsEveryDefaultOfDesignSection2() {
    Plan plan = valid(MINIMAL);
    assertThat(plan.target()).isEqualTo(Target.EVERYONE);
    assertThat(plan.devicePolicy()).isEqualTo(DevicePolicy.DEFAULT);
    assertThat(plan.devicePolicy().inProgressTimeout()).isEqualTo(Duration.ofHours(2));
    assertThat(plan.devicePolicy().maxAttempts()).isEqualTo(3);
    assertThat(plan.devicePolicy().minFreeStorageBytes()).isNull();
    assertThat(plan.devicePolicy().network().metered()).isEqualTo(NetworkPolicy.Metered.ALLOW);
    assertThat(plan.rate()).isEqualTo(Rate.UNLIMITED);
    assertThat(plan.window().closesAfter()).isEqualTo(Duration.ofDays(30));
    assertThat(plan.rollback()).isEqualTo(new RollbackPolicy(true, 0.10, 50));
    Phase phase = plan.phases().get(0);
    assertThat(phase.gate()).isEqualTo(new Gate(10, 0.95, 0.95, 0.05, null, null, null));
    assertThat(phase.onFailure()).isEqualTo(Phase.OnFailure.PAUSE);
    assertThat(phase.approval()).isEqualTo(Phase.Approval.AUTO);
    assertThat(plan.workflowId()).isEqualTo("rollout-minimal");
  }

  @Test
  void fillsGateFieldsLeftOutFromTheDefaultGate() {
    Plan plan = valid(MINIMAL.replace("soak: 1h}", "soak: 1h, gate: {successRate: 0.99}}"));
    assertThat(plan.phases().get(0).gate())
        .isEqualTo(new Gate(10, 0.99, 0.95, 0.05, null, null, null));
  }

  @Test
  void readsJsonTextAndJsonTreesAlike() throws Exception {
    String json =
        """
        {"apiVersion": "rollout/v1", "name": "minimal", "release": "1.0.0",
         "phases": [{"name": "all", "cohort": {"percent": 100}, "soak": "1h"}]}
        """;
    Plan fromYaml = valid(MINIMAL);
    assertThat(valid(json)).isEqualTo(fromYaml);
    PlanResult fromTree = PlanParser.parse(new ObjectMapper().readTree(json));
    assertThat(fromTree).isEqualTo(new PlanResult.Valid(fromYaml));
  }

  @Test
  void readsTabIndentedJsonWhichYamlRefuses() {
    String json =
        "{\n\t\"apiVersion\": \"rollout/v1\",\n\t\"name\": \"minimal\",\n\t\"release\":"
            + " \"1.0.0\",\n\t\"phases\": [{\"name\": \"all\", \"cohort\": {\"percent\": 100},"
            + " \"soak\": \"1h\"}]\n}";
    assertThat(valid(json)).isEqualTo(valid(MINIMAL));
    assertThat(problems(json.replace("100", "NaN")))
        .extracting(Fixtures::line)
        .containsExactly(
            "phases[0].cohort.percent: NOT_A_NUMBER: must be a finite number, got NaN");
    assertThat(problems(json.replace("\"all\"", "\"all\",")))
        .extracting(Problem::code)
        .containsExactly("SYNTAX");
  }

  @Test
  void readsAnEmptyRateAsUnlimitedButNeverARampWithoutCeiling() {
    assertThat(valid(MINIMAL + "rate: {}\n").rate()).isEqualTo(Rate.UNLIMITED);
    assertThat(problems(MINIMAL + "rate: {ramp: {startPerMinute: 1, factor: 2, every: 5}}\n"))
        .extracting(Fixtures::line)
        .containsExactly("rate.maxPerMinute: REQUIRED: is required with a ramp");
  }

  @Test
  void keepsTheVersionRangeOfTheTarget() {
    Plan plan = valid(MINIMAL + "target: {versions: '>=2.0.0 <2.4.0'}\n");
    assertThat(plan.target().versions()).isEqualTo(VersionRange.parse(">=2.0.0 <2.4.0"));
  }

  @Test
  void rejectsDocumentsOverOneMegabyteUpFront() {
    String huge = MINIMAL + "#" + "x".repeat(Documents.MAX_CHARS);
    assertThat(problems(huge))
        .singleElement()
        .satisfies(p -> assertThat(p.code()).isEqualTo("TOO_LARGE"));
  }

  @Test
  void stopsListingAfterTheLimitButCountsTheRest() {
    StringBuilder text = new StringBuilder(MINIMAL);
    for (int i = 0; i < 250; i++) {
      text.append("unknown").append(i).append(": 1\n");
    }
    List<Problem> problems = problems(text.toString());
    assertThat(problems).hasSize(Problems.LIMIT + 1);
    assertThat(problems.get(Problems.LIMIT))
        .isEqualTo(new Problem("", "TOO_MANY_PROBLEMS", "50 more problems not listed"));
  }

  @Test
  void treatsMissingInputAsInvalidRatherThanThrowing() {
    assertThat(problems((String) null)).extracting(Problem::code).containsExactly("REQUIRED");
    assertThat(PlanParser.parse((com.fasterxml.jackson.databind.JsonNode) null))
        .isInstanceOf(PlanResult.Invalid.class);
    assertThat(problems("")).extracting(Problem::code).containsExactly("EMPTY");
  }

  @Test
  void listsProblemsInDocumentOrderWhateverTheWalkOrder() {
    String text =
        """
        phases:
          - {name: Bad, cohort: {percent: 100}, soak: 1h}
        release: nope
        name: Also-Bad
        apiVersion: rollout/v1
        """;
    assertThat(problems(text))
        .extracting(Problem::path)
        .containsExactly("phases[0].name", "release", "name");
  }

  @Test
  void reportsBadTypesInTheJsonTreeOfAWorkflowInput() throws Exception {
    var tree = new ObjectMapper().readTree("{\"apiVersion\": \"rollout/v1\", \"phases\": {}}");
    PlanResult result = PlanParser.parse(tree);
    assertThat(((PlanResult.Invalid) result).problems())
        .extracting(Fixtures::line)
        .containsExactly(
            "phases: WRONG_TYPE: expected a list of phases, got an object",
            "name: REQUIRED: is required",
            "release: REQUIRED: is required");
  }

  @Test
  void acceptsAMeteredOffPeakWindowThatWrapsMidnight() {
    Plan plan =
        valid(
            MINIMAL
                + "devicePolicy: {network: {metered: offPeak}, offPeakWindow: '22:00-04:00'}\n");
    DailyWindow window = plan.devicePolicy().offPeakWindow();
    assertThat(window.contains(java.time.LocalTime.of(23, 0))).isTrue();
    assertThat(window.contains(java.time.LocalTime.of(3, 59))).isTrue();
    assertThat(window.contains(java.time.LocalTime.of(4, 0))).isFalse();
  }
}
