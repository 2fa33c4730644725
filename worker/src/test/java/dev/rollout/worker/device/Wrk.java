package dev.rollout.worker.device;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The check-in load from <a href="https://github.com/wg/wrk">wrk</a> in a process of its own: a C
 * generator costs the machine far less than one in the engine's JVM, so the figure is the engine's
 * (Debian: {@code apt-get install wrk}). Its script ({@code bench/checkin.lua}) picks a random
 * device of the bench fleet per request.
 */
final class Wrk {

  private static final Path BINARY = Path.of("/usr/bin/wrk");

  record Result(long requests, double perSecond, double p50, double p90, double p99, long errors) {
    @Override
    public String toString() {
      return String.format(
          "check-ins=%d errors=%d rate=%.0f/s p50=%.2fms p90=%.2fms p99=%.2fms",
          requests, errors, perSecond, p50, p90, p99);
    }
  }

  private Wrk() {}

  static boolean available() {
    return Files.isExecutable(BINARY) && !Boolean.getBoolean("bench.inJvm");
  }

  /** Check-ins of random devices of the bench fleet, from that many connections. */
  static Result checkIns(int port, int devices, int connections, int seconds)
      throws IOException, InterruptedException {
    Path script = Files.createTempFile("checkin", ".lua");
    try (InputStream in =
        Objects.requireNonNull(Wrk.class.getResourceAsStream("/bench/checkin.lua"))) {
      Files.copy(in, script, StandardCopyOption.REPLACE_EXISTING);
    }
    String output = run(script, port, devices, connections, seconds);
    Files.delete(script);
    return result(
        output, (long) optional(output, "Non-2xx or 3xx responses: (\\d+)", 0) + errors(output));
  }

  /**
   * The ceiling of the HTTP layer alone: GETs of a check-in URL, which the check-in endpoint
   * answers with 405 before it parses a body or touches the database. Every answer counts as an
   * error.
   */
  static Result floor(int port, int connections, int seconds)
      throws IOException, InterruptedException {
    String output = run(null, port, 1, connections, seconds);
    return result(output, 0);
  }

  private static Result result(String output, long errors) {
    System.out.println(output);
    return new Result(
        (long) number(output, "(\\d+) requests in"),
        number(output, "Requests/sec:\\s+([\\d.]+)"),
        millis(output, "50%"),
        millis(output, "90%"),
        millis(output, "99%"),
        errors);
  }

  private static String run(Path script, int port, int devices, int connections, int seconds)
      throws IOException, InterruptedException {
    List<String> command =
        new ArrayList<>(
            List.of(
                BINARY.toString(), "-t2", "-c" + connections, "-d" + seconds + "s", "--latency"));
    if (script != null) {
      command.addAll(List.of("-s", script.toString(), "http://127.0.0.1:" + port));
    } else {
      command.add("http://127.0.0.1:" + port + "/device/v1/devices/bench-0000001/check-in");
    }
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put("BENCH_DEVICES", Integer.toString(devices));
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (process.waitFor() != 0) {
      throw new UncheckedIOException(new IOException("wrk failed:\n" + output));
    }
    return output;
  }

  // "Socket errors: connect 0, read 0, write 0, timeout 0"
  private static long errors(String output) {
    Matcher m =
        Pattern.compile("Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)")
            .matcher(output);
    if (!m.find()) {
      return 0;
    }
    long sum = 0;
    for (int group = 1; group <= 4; group++) {
      sum += Long.parseLong(m.group(group));
    }
    return sum;
  }

  private static double millis(String output, String quantile) {
    Matcher m = Pattern.compile("\\s" + quantile + "\\s+([\\d.]+)(us|ms|s)").matcher(output);
    if (!m.find()) {
      throw new IllegalStateException("no " + quantile + " in wrk's output:\n" + output);
    }
    double value = Double.parseDouble(m.group(1));
    return switch (m.group(2)) {
      case "us" -> value / 1000;
      case "s" -> value * 1000;
      default -> value;
    };
  }

  private static double number(String output, String pattern) {
    double value = optional(output, pattern, Double.NaN);
    if (Double.isNaN(value)) {
      throw new IllegalStateException("no match for " + pattern + " in wrk's output:\n" + output);
    }
    return value;
  }

  private static double optional(String output, String pattern, double absent) {
    Matcher m = Pattern.compile(pattern).matcher(output);
    return m.find() ? Double.parseDouble(m.group(1)) : absent;
  }
}
