package dev.rollout.definitions.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.rollout.definitions.gate.PhaseCounts;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Plans travel as workflow inputs and query results: they must survive Temporal's mapper. */
class PlanJsonTest {

  // what Temporal's default JacksonJsonPayloadConverter registers
  private static final ObjectMapper MAPPER =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .registerModule(new Jdk8Module())
          .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

  static List<Path> plans() {
    return Fixtures.allValid();
  }

  @ParameterizedTest
  @MethodSource("plans")
  void planRoundTripsThroughTemporalsMapper(Path file) throws Exception {
    Plan plan = Fixtures.plan(file);
    String json = MAPPER.writeValueAsString(plan);
    assertThat(MAPPER.readValue(json, Plan.class)).isEqualTo(plan);
  }

  @ParameterizedTest
  @MethodSource("plans")
  void planJsonIsItselfAValidPlanDocument(Path file) {
    Plan plan = Fixtures.plan(file);
    assertThat(PlanParser.parse(MAPPER.valueToTree(plan))).isEqualTo(new PlanResult.Valid(plan));
  }

  @Test
  void writesThePlanFormatAndNoDerivedProperties() throws Exception {
    Plan plan = Fixtures.plan(Path.of("../examples/staged-rollout.yaml"));
    String json = MAPPER.writeValueAsString(plan);
    assertThat(json)
        .doesNotContain("workflowId")
        .doesNotContain("unlimited")
        .doesNotContain("null")
        .contains("\"versions\":\">=2.0.0 <2.4.0\"")
        .contains("\"offPeakWindow\":\"01:00-05:00\"")
        .contains("\"metered\":\"offPeak\"")
        .contains("\"soak\":\"2h\"")
        .contains("\"maxDownloadP90\":\"15m\"")
        .contains("\"closesAfter\":\"14d\"")
        .contains("\"onFailure\":\"rollback\"")
        .contains("\"approval\":\"manual\"");
  }

  @Test
  void writesAnUnlimitedRateAsAnEmptyRate() throws Exception {
    Plan plan = Fixtures.plan(Path.of("../examples/minimal.yaml"));
    assertThat(MAPPER.writeValueAsString(plan)).contains("\"rate\":{}");
  }

  @Test
  void readsDurationsAsJavaTimeModuleWritesThem() throws Exception {
    assertThat(MAPPER.readValue("{\"closesAfter\": 7200.5}", Window.class))
        .isEqualTo(new Window(Duration.ofMillis(7_200_500)));
    assertThat(MAPPER.readValue("{\"closesAfter\": \"PT2H\"}", Window.class))
        .isEqualTo(new Window(Duration.ofHours(2)));
    assertThat(MAPPER.writeValueAsString(new Window(Duration.ofMillis(1500))))
        .isEqualTo("{\"closesAfter\":\"PT1.5S\"}");
  }

  @Test
  void phaseCountsRoundTripWithoutDerivedProperties() throws Exception {
    PhaseCounts counts =
        new PhaseCounts(10, 1, 1, 1, 4, 1, 1, 1, 0, 0, 0, 1, 2, Duration.ofSeconds(42));
    String json = MAPPER.writeValueAsString(counts);
    assertThat(json).doesNotContain("completed").doesNotContain("failures");
    assertThat(MAPPER.readValue(json, PhaseCounts.class)).isEqualTo(counts);
  }
}
