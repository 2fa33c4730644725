package dev.rollout.worker.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A command that talks to the mgmt API. Exit status: 0 done, 1 the server refused (its error code
 * and message on stderr, one line), 2 invalid input (every problem), 3 the server is unreachable.
 */
abstract class MgmtCommand implements Callable<Integer> {

  @Mixin ServerOptions server;

  @Spec CommandSpec spec;

  /** Runs against the API; returns the exit status. */
  abstract int run(MgmtClient client, PrintWriter out);

  @Override
  public final Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    try {
      int status = run(new MgmtClient(server.base(), server.token()), spec.commandLine().getOut());
      spec.commandLine().getOut().flush();
      return status;
    } catch (CliFailure failure) {
      spec.commandLine().getOut().flush();
      failure.lines().forEach(err::println);
      err.flush();
      return failure.status();
    }
  }

  /** A file's bytes, or a usage failure naming it. */
  static byte[] read(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new CliFailure(CliFailure.INVALID_INPUT, "rollout: no such file: " + file);
    } catch (IOException e) {
      throw new CliFailure(
          CliFailure.INVALID_INPUT, "rollout: cannot read " + file + ": " + e.getMessage());
    }
  }

  /** The content type of a plan or device file, from its name. */
  static String contentType(Path file) {
    String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
    if (name.endsWith(".json")) {
      return "application/json";
    }
    if (name.endsWith(".csv")) {
      return "text/csv";
    }
    return "application/yaml";
  }
}
