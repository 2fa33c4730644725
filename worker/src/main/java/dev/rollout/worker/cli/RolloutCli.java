package dev.rollout.worker.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The jar's entry point ({@code ./rollout}). Only {@code server} starts Spring, so {@code validate}
 * answers in well under a second. Exit status: 0 success, 1 failure or usage error (unknown
 * command, missing argument), 2 an invalid plan ({@code validate}).
 */
@Command(
    name = "rollout",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Declarative OTA firmware rollouts on Temporal.",
    subcommands = {
      ServerCommand.class,
      ValidateCommand.class,
      DemoCommand.class,
      CommandLine.HelpCommand.class
    })
public final class RolloutCli implements Callable<Integer> {

  @Spec private CommandSpec spec;

  /** Without a command: usage, and a failure status so scripts notice. */
  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return 1;
  }

  public static void main(String[] args) {
    CommandLine cli = commandLine();
    int status = cli.execute(args);
    // a running server keeps the JVM alive on its own threads; everything else ends here
    if (!ServerCommand.isServing(cli)) {
      System.exit(status);
    }
  }

  static CommandLine commandLine() {
    // picocli's default for a usage error is 2, which `validate` uses for "invalid plan"
    CommandLine cli = new CommandLine(new RolloutCli());
    exitOneOnUsageError(cli);
    return cli;
  }

  private static void exitOneOnUsageError(CommandLine cli) {
    cli.getCommandSpec().exitCodeOnInvalidInput(1);
    cli.getSubcommands().values().forEach(RolloutCli::exitOneOnUsageError);
  }
}
