package dev.rollout.worker.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The jar's entry point ({@code ./rollout}). Only {@code server} starts Spring, so {@code validate}
 * and the mgmt API commands answer in well under a second. Exit status: 0 success, 1 failure (the
 * server refused, a file cannot be read by {@code validate}), 2 usage error or invalid input (an
 * invalid plan), 3 the server cannot be reached.
 */
@Command(
    name = "rollout",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Declarative OTA firmware rollouts on Temporal.",
    subcommands = {
      ServerCommand.class,
      ValidateCommand.class,
      TemporalServerCommand.class,
      DemoCommand.class,
      StartCommand.class,
      DryRunCommand.class,
      StatusCommand.class,
      ControlCommand.Pause.class,
      ControlCommand.Resume.class,
      ControlCommand.Abort.class,
      ControlCommand.Rollback.class,
      ControlCommand.Approve.class,
      ListCommand.class,
      FleetCommand.class,
      SupportCommand.class,
      DevicesCommand.class,
      ReleaseCommand.class,
      KeysCommand.class,
      TokensCommand.class,
      CommandLine.HelpCommand.class
    })
public final class RolloutCli implements Callable<Integer> {

  @Spec private CommandSpec spec;

  /** Without a command: usage, and a failure status so scripts notice. */
  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return CliFailure.INVALID_INPUT;
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
    return commandLine(CommandLine.defaultFactory());
  }

  /** With a factory, tests can put doubles behind the real dispatch. */
  static CommandLine commandLine(CommandLine.IFactory factory) {
    // picocli's default handler prints either a suggestion or the usage, we want both
    return new CommandLine(new RolloutCli(), factory)
        .setParameterExceptionHandler(RolloutCli::usageError);
  }

  private static int usageError(ParameterException e, String[] args) {
    CommandLine command = e.getCommandLine();
    PrintWriter err = command.getErr();
    err.println(e.getMessage());
    UnmatchedArgumentException.printSuggestions(e, err);
    command.usage(err);
    return CliFailure.INVALID_INPUT;
  }
}
