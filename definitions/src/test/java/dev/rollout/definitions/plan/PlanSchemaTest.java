package dev.rollout.definitions.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The shipped JSON Schema agrees with the parser on structure: editors flag what it rejects. */
class PlanSchemaTest {

  private static JsonSchema schema;

  @BeforeAll
  static void loadSchemaFromTheJar() throws Exception {
    try (InputStream in =
        PlanParser.class.getResourceAsStream("/dev/rollout/definitions/plan.schema.json")) {
      assertThat(in).as("plan.schema.json on the classpath").isNotNull();
      schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
    }
  }

  private static Set<ValidationMessage> validate(Path file) {
    Documents.Read read = Documents.read(Fixtures.read(file));
    assertThat(read).isInstanceOf(Documents.Read.Tree.class);
    JsonNode document = ((Documents.Read.Tree) read).document();
    return schema.validate(document);
  }

  static List<Path> validPlans() {
    return Fixtures.allValid();
  }

  @ParameterizedTest
  @MethodSource("validPlans")
  void acceptsEveryValidPlan(Path file) {
    assertThat(validate(file)).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("validPlans")
  void acceptsTheJsonOfEveryParsedPlan(Path file) {
    ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule());
    assertThat(schema.validate(mapper.valueToTree(Fixtures.plan(file)))).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "unknown-fields",
        "gate-typo",
        "wrong-types",
        "missing-required",
        "out-of-range",
        "bad-enums",
        "invalid-names",
        "off-peak-without-window",
        "bad-off-peak-window",
        "bad-durations",
        "bad-versions",
        "empty-phases",
        "percent-out-of-range",
        "bad-storage",
        "zero-storage",
        "null-values"
      })
  void rejectsStructurallyInvalidPlans(String name) {
    assertThat(validate(Fixtures.INVALID.resolve(name + ".yaml"))).isNotEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "duplicate-phase-names",
        "percent-decreases",
        "window-too-short",
        "default-window-too-short",
        "contradictions"
      })
  void leavesRulesAcrossFieldsToTheParser(String name) {
    assertThat(validate(Fixtures.INVALID.resolve(name + ".yaml"))).isEmpty();
  }
}
