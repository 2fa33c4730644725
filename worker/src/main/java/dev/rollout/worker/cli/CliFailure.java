package dev.rollout.worker.cli;

import java.util.List;

/**
 * Ends a mgmt command with an exit status and the lines to print on stderr: 1 the server refused
 * (its code and message), 2 the input is invalid (every problem), 3 the server cannot be reached.
 */
final class CliFailure extends RuntimeException {

  static final int SERVER_ERROR = 1;
  static final int INVALID_INPUT = 2;
  static final int UNREACHABLE = 3;

  private static final long serialVersionUID = 1L;

  private final int status;
  private final List<String> lines;

  CliFailure(int status, List<String> lines) {
    super(String.join("; ", lines));
    this.status = status;
    this.lines = List.copyOf(lines);
  }

  CliFailure(int status, String line) {
    this(status, List.of(line));
  }

  int status() {
    return status;
  }

  List<String> lines() {
    return lines;
  }
}
