package dev.rollout.definitions.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The README shows the very plan the tests load, so its reference never drifts from a valid plan.
 */
class ReadmeExampleTest {

  @Test
  void readmeEmbedsTheCanonicalExampleUnchanged() throws IOException {
    String readme = Files.readString(Path.of("../README.md"));
    String example = Files.readString(Path.of("../examples/staged-rollout.yaml")).strip();

    assertThat(readme).contains("```yaml\n" + example + "\n```");
    assertThat(PlanParser.parse(example)).isInstanceOf(PlanResult.Valid.class);
  }
}
