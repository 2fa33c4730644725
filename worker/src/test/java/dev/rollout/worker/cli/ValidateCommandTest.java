package dev.rollout.worker.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.rollout.definitions.plan.Phase;
import dev.rollout.definitions.plan.Plan;
import dev.rollout.definitions.plan.PlanResult;
import dev.rollout.definitions.plan.Problem;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The exit statuses and output format of {@code rollout validate}. The parser is a double here
 * because {@code PlanParser} is written on another branch; once merged, {@code ValidateFixturesIT}
 * style tests should run the real parser over {@code examples/} and the fixture plans.
 */
class ValidateCommandTest {

  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @Test
  void aValidPlanPrintsItsNameAndPhaseCountAndExitsZero() throws IOException {
    Path plan = Files.writeString(dir.resolve("plan.yaml"), "whatever");
    Plan parsed = mock(Plan.class);
    when(parsed.name()).thenReturn("thermostat-2-4-0");
    when(parsed.phases()).thenReturn(List.of(mock(Phase.class), mock(Phase.class)));

    int status = run(text -> new PlanResult.Valid(parsed), plan.toString());

    assertThat(status).isZero();
    assertThat(out.toString())
        .isEqualTo("valid: thermostat-2-4-0 (2 phases)" + System.lineSeparator());
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void aMissingFileIsAFailureNotAnInvalidPlan() {
    int status = run(text -> fail(), dir.resolve("nope.yaml").toString());

    assertThat(status).isEqualTo(1);
    assertThat(err.toString()).startsWith("rollout validate: no such file: ");
  }

  @Test
  void aMissingArgumentIsAUsageFailure() {
    assertThat(run(text -> fail())).isEqualTo(1);
  }

  @Test
  void aParserCrashIsAFailure() throws IOException {
    Path plan = Files.writeString(dir.resolve("plan.yaml"), "name: x");

    int status =
        run(
            text -> {
              throw new UnsupportedOperationException("TODO");
            },
            plan.toString());

    assertThat(status).isEqualTo(1);
    assertThat(err.toString()).contains("cannot check").contains("TODO");
  }

  @Test
  void anInvalidPlanPrintsEveryProblemWithPathAndCodeAndExitsTwo() throws IOException {
    Path plan = Files.writeString(dir.resolve("plan.yaml"), "whatever");
    var problems =
        List.of(
            new Problem("phases[2].gate.successRate", "OUT_OF_RANGE", "must be between 0 and 1"),
            new Problem("", "MISSING", "apiVersion is required"));

    int status = run(text -> new PlanResult.Invalid(problems), plan.toString());

    assertThat(status).isEqualTo(2);
    assertThat(err.toString().lines())
        .containsExactly(
            "phases[2].gate.successRate: must be between 0 and 1 [OUT_OF_RANGE]",
            "apiVersion is required [MISSING]");
    assertThat(out.toString()).isEmpty();
  }

  private int run(Function<String, PlanResult> parser, String... args) {
    CommandLine.IFactory factory =
        new CommandLine.IFactory() {
          @Override
          public <K> K create(Class<K> type) throws Exception {
            return type == ValidateCommand.class
                ? type.cast(new ValidateCommand(parser))
                : CommandLine.defaultFactory().create(type);
          }
        };
    CommandLine cli = RolloutCli.commandLine(factory);
    cli.setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true));
    String[] command = new String[args.length + 1];
    command[0] = "validate";
    System.arraycopy(args, 0, command, 1, args.length);
    return cli.execute(command);
  }

  private static PlanResult fail() {
    throw new AssertionError("the parser must not be called");
  }
}
