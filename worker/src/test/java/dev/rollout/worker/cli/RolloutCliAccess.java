package dev.rollout.worker.cli;

/** Lets tests in other packages run the CLI without {@code System.exit}. */
public final class RolloutCliAccess {

  private RolloutCliAccess() {}

  public static int execute(String... args) {
    return RolloutCli.commandLine().execute(args);
  }
}
