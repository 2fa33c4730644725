package dev.rollout.definitions.device;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rollout.definitions.device.CheckInReport.NetworkReport;
import dev.rollout.definitions.plan.Problem;
import dev.rollout.definitions.version.SemVer;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads a check-in body, reporting every problem with its path. Unknown fields are ignored: a newer
 * agent may report more than this server knows, and must still be able to check in.
 */
public final class CheckInParser {

  static final Pattern NETWORK_TYPE = Pattern.compile("[a-z0-9_-]{1,32}");
  private static final int MAX_MODEL_LENGTH = 128;

  private CheckInParser() {}

  public static Parsed<CheckInReport> parse(JsonNode body) {
    List<Problem> problems = new ArrayList<>();
    Fields fields = new Fields(body, "", problems);
    SemVer version = fields.version("version", true);
    String model = fields.text("hardwareModel", true, MAX_MODEL_LENGTH);
    Long battery = fields.integer("batteryPercent", false, 0, 100);
    Boolean charging = fields.bool("charging", false);
    Long storage = fields.integer("freeStorageBytes", false, 0, Long.MAX_VALUE);
    NetworkReport network = network(fields.get("network", false), problems);
    OffsetDateTime localTime = fields.dateTime("localTime", true);
    if (!problems.isEmpty()) {
      return Parsed.invalid(problems);
    }
    return Parsed.of(
        new CheckInReport(
            version,
            model,
            battery == null ? null : battery.intValue(),
            charging,
            storage,
            network,
            localTime));
  }

  private static NetworkReport network(JsonNode node, List<Problem> problems) {
    if (node == null) {
      return NetworkReport.UNKNOWN;
    }
    Fields fields = new Fields(node, "network", problems);
    String type = fields.matching("type", false, NETWORK_TYPE, "a lowercase word such as wifi");
    Boolean metered = fields.bool("metered", false);
    Double quality = fields.fraction("quality", false);
    return new NetworkReport(type, metered, quality);
  }
}
