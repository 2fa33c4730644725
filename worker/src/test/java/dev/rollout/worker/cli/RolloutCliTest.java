package dev.rollout.worker.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class RolloutCliTest {

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @Test
  void helpListsTheCommands() {
    assertThat(run("--help")).isZero();
    assertThat(out.toString())
        .contains("server", "validate", "demo", "start", "dry-run", "status", "pause", "tokens");
  }

  @Test
  void versionNamesTheProduct() {
    assertThat(run("--version")).isZero();
    assertThat(out.toString()).startsWith("rollout ");
  }

  @Test
  void anUnknownCommandPrintsUsageAndFails() {
    assertThat(run("frobnicate")).isEqualTo(2);
    assertThat(err.toString()).contains("Unmatched argument", "Usage: rollout");
  }

  @Test
  void aMistypedCommandSuggestsTheRightOne() {
    assertThat(run("valdate")).isEqualTo(2);
    assertThat(err.toString()).contains("Did you mean", "validate");
  }

  @Test
  void noCommandPrintsUsageAndFails() {
    assertThat(run()).isEqualTo(2);
    assertThat(err.toString()).contains("Usage: rollout");
  }

  @Test
  void demoIsNotYetAvailable() {
    assertThat(run("demo", "--fleet", "1000")).isEqualTo(1);
    assertThat(err.toString()).contains("not yet available", "README.md");
  }

  private int run(String... args) {
    CommandLine cli = RolloutCli.commandLine();
    cli.setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }
}
