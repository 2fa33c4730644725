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
      TemporalServerCommand.class,
      DemoCommand.class,
      RolloutCli.KeysGroup.class,
      RolloutCli.ReleaseGroup.class,
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
    return commandLine(CommandLine.defaultFactory());
  }

  /** With a factory, tests can put doubles behind the real dispatch. */
  static CommandLine commandLine(CommandLine.IFactory factory) {
    // picocli's default status for a usage error is 2, which `validate` uses for "invalid plan";
    // and its default handler prints either a suggestion or the usage, we want both
    return new CommandLine(new RolloutCli(), factory)
        .setParameterExceptionHandler(RolloutCli::usageError);
  }

  private static int usageError(ParameterException e, String[] args) {
    CommandLine command = e.getCommandLine();
    PrintWriter err = command.getErr();
    err.println(e.getMessage());
    UnmatchedArgumentException.printSuggestions(e, err);
    command.usage(err);
    return 1;
  }

  /** {@code rollout keys ...}; without a subcommand: usage and status 1. */
  @Command(
      name = "keys",
      description = "Signing keys of product lines.",
      mixinStandardHelpOptions = true,
      subcommands = {GenerateKeysCommand.class})
  static final class KeysGroup implements Callable<Integer> {
    @Spec private CommandSpec spec;

    @Override
    public Integer call() {
      spec.commandLine().usage(spec.commandLine().getErr());
      return 1;
    }
  }

  /** {@code rollout release ...}; without a subcommand: usage and status 1. */
  @Command(
      name = "release",
      description = "Signed releases.",
      mixinStandardHelpOptions = true,
      subcommands = {SignReleaseCommand.class})
  static final class ReleaseGroup implements Callable<Integer> {
    @Spec private CommandSpec spec;

    @Override
    public Integer call() {
      spec.commandLine().usage(spec.commandLine().getErr());
      return 1;
    }
  }
}
