package dev.rollout.worker.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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
  void demoRefusesAFleetTooSmallForItsGatesBeforeStartingAnything() {
    assertThat(run("demo", "--devices", "10")).isEqualTo(2);
    assertThat(err.toString()).contains("--devices must be 100..100000, got 10");
  }

  @Test
  void demoNeverWipesADirectoryItDidNotMake(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("precious.txt"), "keep me");

    assertThat(run("demo", "--data-dir", dir.toString())).isEqualTo(2);

    assertThat(err.toString()).contains("was not made by the demo");
    assertThat(dir.resolve("precious.txt")).hasContent("keep me");
  }

  private int run(String... args) {
    CommandLine cli = RolloutCli.commandLine();
    cli.setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }
}
