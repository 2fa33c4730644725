package dev.rollout.worker.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/** A placeholder so the command is discoverable; the demo arrives with a later issue. */
@Command(name = "demo", description = "Not yet available: a simulated fleet and a rollout.")
final class DemoCommand implements Callable<Integer> {

  @Unmatched private List<String> ignored;

  @Spec private CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine()
        .getErr()
        .println(
            "rollout demo is not yet available: it arrives with a later issue (see README.md)."
                + " Meanwhile: ./rollout server, ./rollout validate <plan>.");
    return 1;
  }
}
