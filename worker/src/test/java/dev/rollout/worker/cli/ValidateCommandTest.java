package dev.rollout.worker.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code rollout validate} over the real parser: the example plans and the invalid fixtures. */
class ValidateCommandTest {

  private static final Path INVALID = Path.of("../definitions/src/test/resources/plans/invalid");

  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @Test
  void theCanonicalExampleIsValid() {
    int status = run("../examples/staged-rollout.yaml");

    assertThat(status).isZero();
    assertThat(out.toString())
        .isEqualTo("valid: thermostat-2-4-0 (4 phases)" + System.lineSeparator());
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void anInvalidPlanPrintsEveryProblemWithPathAndCodeAndExitsTwo() throws IOException {
    int status = run(INVALID.resolve("gate-typo.yaml").toString());

    assertThat(status).isEqualTo(2);
    assertThat(err.toString().lines()).containsExactlyElementsOf(expected("gate-typo"));
    assertThat(err.toString())
        .contains(
            "phases[0].gate.sucessRate: unknown field 'sucessRate'; did you mean 'successRate'?"
                + " [UNKNOWN_FIELD]");
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void aMissingFileIsAFailureNotAnInvalidPlan() {
    int status = run(dir.resolve("nope.yaml").toString());

    assertThat(status).isEqualTo(1);
    assertThat(err.toString()).startsWith("rollout validate: no such file: ");
  }

  @Test
  void aMissingArgumentIsAUsageFailure() {
    assertThat(run()).isEqualTo(2);
  }

  /** The fixture's {@code path: CODE: message} lines, as the CLI prints them. */
  private static List<String> expected(String fixture) throws IOException {
    return Files.readAllLines(INVALID.resolve(fixture + ".errors")).stream()
        .filter(line -> !line.isBlank())
        .map(
            line -> {
              String[] parts = line.split(": ", 3);
              return parts[0] + ": " + parts[2] + " [" + parts[1] + "]";
            })
        .toList();
  }

  private int run(String... args) {
    CommandLine cli = RolloutCli.commandLine(CommandLine.defaultFactory());
    cli.setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true));
    String[] command = new String[args.length + 1];
    command[0] = "validate";
    System.arraycopy(args, 0, command, 1, args.length);
    return cli.execute(command);
  }
}
