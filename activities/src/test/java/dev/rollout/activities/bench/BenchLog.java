package dev.rollout.activities.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Where benchmark figures go: {@code target/bench/<name>.txt} of the module that ran them, one
 * {@code BENCH } line each, collected by {@code grep -h '^BENCH' <module>/target/bench/<name>.txt}
 * over all modules.
 */
public final class BenchLog {

  /** Lines starting with this are figures. */
  public static final String PREFIX = "BENCH ";

  private static final Path DIR = Path.of("target", "bench");

  private BenchLog() {}

  /** Replaces the figures of {@code name}. */
  public static void write(String name, List<String> lines) {
    try {
      Files.createDirectories(DIR);
      Files.write(DIR.resolve(name + ".txt"), lines);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
