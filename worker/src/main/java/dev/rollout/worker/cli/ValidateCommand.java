package dev.rollout.worker.cli;

import dev.rollout.definitions.plan.PlanParser;
import dev.rollout.definitions.plan.PlanResult;
import dev.rollout.definitions.plan.Problem;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "validate",
    description = "Check a plan (YAML or JSON) and print every problem with its path.",
    mixinStandardHelpOptions = true,
    exitCodeListHeading = "Exit status:%n",
    exitCodeList = {
      "0:the plan is valid",
      "2:the plan is invalid (every problem on stderr)",
      "1:any other failure (file not readable, usage error)"
    })
final class ValidateCommand implements Callable<Integer> {

  static final int VALID = 0;
  static final int FAILURE = 1;
  static final int INVALID = 2;

  @Parameters(paramLabel = "<plan-file>", description = "the plan file")
  private Path planFile;

  @Spec private CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    String text;
    try {
      text = Files.readString(planFile);
    } catch (NoSuchFileException e) {
      err.println("rollout validate: no such file: " + planFile);
      return FAILURE;
    } catch (IOException e) {
      err.println("rollout validate: cannot read " + planFile + ": " + e.getMessage());
      return FAILURE;
    }
    PlanResult result = PlanParser.parse(text); // never throws for bad input
    if (result instanceof PlanResult.Valid valid) {
      spec.commandLine()
          .getOut()
          .printf("valid: %s (%d phases)%n", valid.plan().name(), valid.plan().phases().size());
      return VALID;
    }
    for (Problem problem : ((PlanResult.Invalid) result).problems()) {
      err.println(problem + " [" + problem.code() + "]");
    }
    return INVALID;
  }
}
