package dev.rollout.definitions.plan;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The plan files tests read: fixtures, and the examples at the top of the repository. */
final class Fixtures {

  // Maven runs tests in the module directory
  static final Path VALID = Path.of("src/test/resources/plans/valid");
  static final Path INVALID = Path.of("src/test/resources/plans/invalid");
  static final Path EXAMPLES = Path.of("../examples");

  private Fixtures() {}

  static List<Path> plans(Path directory) {
    try (Stream<Path> files = Files.list(directory)) {
      return files
          .filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".json"))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<Path> allValid() {
    return Stream.concat(plans(VALID).stream(), plans(EXAMPLES).stream()).toList();
  }

  static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Plan plan(Path file) {
    PlanResult result = PlanParser.parse(read(file));
    if (result instanceof PlanResult.Invalid invalid) {
      throw new AssertionError(file + " is invalid: " + invalid.problems());
    }
    return ((PlanResult.Valid) result).plan();
  }

  /** The line format of the .errors files: {@code path: CODE: message}. */
  static String line(Problem problem) {
    String path = problem.path().isEmpty() ? "(document)" : problem.path();
    return path + ": " + problem.code() + ": " + problem.message();
  }

  static Path errorsFile(Path plan) {
    return plan.resolveSibling(
        plan.getFileName().toString().replaceAll("\\.(yaml|json)$", ".errors"));
  }
}
