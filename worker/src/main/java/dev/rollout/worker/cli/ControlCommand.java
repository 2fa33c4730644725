package dev.rollout.worker.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code pause|resume|abort|rollback|approve <id>}: the workflow's {@code control} update through
 * the mgmt API, which records the token's name as {@code by}. A rejected action exits 1 with the
 * workflow's reason.
 */
abstract class ControlCommand extends MgmtCommand {

  @Parameters(paramLabel = "<id>", description = "rollout id (rollout-<plan>) or plan name")
  String id;

  @Option(names = "--reason", description = "why (kept in the audit trail)")
  String reason;

  @Option(names = "--phase", description = "the phase (approve: the phase awaiting approval)")
  String phase;

  @Option(names = "--comment", description = "a comment (approve)")
  String comment;

  private final String action;

  ControlCommand(String action) {
    this.action = action;
  }

  @Override
  int run(MgmtClient client, PrintWriter out) {
    Map<String, String> body = new LinkedHashMap<>();
    put(body, "reason", reason);
    put(body, "phase", phase);
    put(body, "comment", comment);
    JsonNode status =
        client.postJson("/mgmt/v1/rollouts/" + StatusCommand.path(id) + "/" + action, body);
    out.println(action + ": done");
    StatusText.print(status, out);
    return 0;
  }

  private static void put(Map<String, String> body, String field, String value) {
    if (value != null) {
      body.put(field, value);
    }
  }

  @Command(
      name = "pause",
      description = "Stop new offers at once.",
      mixinStandardHelpOptions = true)
  static final class Pause extends ControlCommand {
    Pause() {
      super("pause");
    }
  }

  @Command(
      name = "resume",
      description = "Continue a paused rollout where it stopped.",
      mixinStandardHelpOptions = true)
  static final class Resume extends ControlCommand {
    Resume() {
      super("resume");
    }
  }

  @Command(
      name = "abort",
      description = "Stop for good; updated devices stay as they are.",
      mixinStandardHelpOptions = true)
  static final class Abort extends ControlCommand {
    Abort() {
      super("abort");
    }
  }

  @Command(
      name = "rollback",
      description = "Offer every updated device its previous version, phase by phase.",
      mixinStandardHelpOptions = true)
  static final class Rollback extends ControlCommand {
    Rollback() {
      super("rollback");
    }
  }

  @Command(
      name = "approve",
      description = "Approve the phase awaiting manual approval (--phase).",
      mixinStandardHelpOptions = true)
  static final class Approve extends ControlCommand {
    Approve() {
      super("approve");
    }
  }
}
