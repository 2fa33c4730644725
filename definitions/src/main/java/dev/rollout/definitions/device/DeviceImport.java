package dev.rollout.definitions.device;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rollout.definitions.plan.Problem;
import dev.rollout.definitions.version.SemVer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads a device import: CSV with the header {@code id,hardwareModel,region,version,tags} (tags as
 * {@code k=v;k=v}) or JSON {@code {"devices": [...]}}. Every problem is reported with where it is
 * ({@code line 4: version}, {@code devices[3].version}); nothing is returned unless all is well.
 */
public final class DeviceImport {

  public static final String CSV_HEADER = "id,hardwareModel,region,version,tags";
  public static final int MAX_DEVICES = 1_000_000;

  /** Also the format of the device id in {@code /device/v1/devices/{deviceId}}. */
  public static final Pattern DEVICE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

  static final Pattern REGION = Pattern.compile("[A-Za-z0-9._-]{1,64}");
  static final Pattern MODEL = Pattern.compile("[A-Za-z0-9._ -]{1,128}");
  static final Pattern TAG_KEY = Pattern.compile("[A-Za-z0-9._-]{1,64}");
  static final Pattern TAG_VALUE = Pattern.compile("[^;=,\\p{Cntrl}]{0,256}");
  private static final int MAX_PROBLEMS = 1000;

  private DeviceImport() {}

  public static Parsed<List<DeviceRecord>> csv(String text) {
    List<Problem> problems = new ArrayList<>();
    String[] lines = text.split("\r?\n", -1);
    if (lines.length == 0 || !lines[0].strip().equals(CSV_HEADER)) {
      problems.add(new Problem("line 1", "BAD_HEADER", "the first line must be " + CSV_HEADER));
      return Parsed.invalid(problems);
    }
    List<DeviceRecord> devices = new ArrayList<>();
    Map<String, String> seen = new HashMap<>();
    for (int i = 1; i < lines.length && problems.size() < MAX_PROBLEMS; i++) {
      if (lines[i].isBlank()) {
        continue;
      }
      String where = "line " + (i + 1);
      DeviceRecord device = csvLine(lines[i], where, problems);
      if (device != null && noDuplicate(device, where, seen, problems)) {
        devices.add(device);
      }
    }
    return finish(devices, problems);
  }

  public static Parsed<List<DeviceRecord>> json(JsonNode body) {
    List<Problem> problems = new ArrayList<>();
    Fields root = new Fields(body, "", problems);
    JsonNode list = root.get("devices", true);
    root.rejectUnknown();
    if (list != null && !list.isArray()) {
      root.problem("devices", "WRONG_TYPE", "must be an array");
    }
    if (!problems.isEmpty()) {
      return Parsed.invalid(problems);
    }
    List<DeviceRecord> devices = new ArrayList<>();
    Map<String, String> seen = new HashMap<>();
    for (int i = 0; i < list.size() && problems.size() < MAX_PROBLEMS; i++) {
      String where = "devices[" + i + "]";
      DeviceRecord device = jsonDevice(new Fields(list.get(i), where, problems), problems);
      if (device != null && noDuplicate(device, where, seen, problems)) {
        devices.add(device);
      }
    }
    return finish(devices, problems);
  }

  private static DeviceRecord csvLine(String line, String where, List<Problem> problems) {
    String[] cells = line.split(",", -1);
    if (cells.length != 5) {
      problems.add(
          new Problem(
              where,
              "WRONG_COLUMNS",
              "expected 5 comma-separated values (" + CSV_HEADER + "), got " + cells.length));
      return null;
    }
    Cells check = new Cells(where + ": ", problems);
    String id = check.matching("id", cells[0].strip(), DEVICE_ID, "1 to 128 of [A-Za-z0-9._:-]");
    String model = check.matching("hardwareModel", cells[1].strip(), MODEL, "a hardware model");
    String region = check.matching("region", cells[2].strip(), REGION, "a region name");
    SemVer version = check.version("version", cells[3].strip());
    Map<String, String> tags = csvTags(cells[4].strip(), check);
    boolean ok = id != null && model != null && region != null && version != null && tags != null;
    return ok ? new DeviceRecord(id, model, region, version, tags) : null;
  }

  private static Map<String, String> csvTags(String text, Cells check) {
    Map<String, String> tags = new LinkedHashMap<>();
    if (text.isEmpty()) {
      return tags;
    }
    for (String pair : text.split(";", -1)) {
      int eq = pair.indexOf('=');
      if (eq < 0) {
        check.problem(
            "tags", "INVALID_FORMAT", "expected k=v;k=v, got '" + Fields.clip(pair) + "'");
        return null;
      }
      if (!check.tag(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip(), tags)) {
        return null;
      }
    }
    return tags;
  }

  private static DeviceRecord jsonDevice(Fields fields, List<Problem> problems) {
    if (!fields.isObject()) {
      return null; // reported by Fields, before the count below would see it
    }
    int before = problems.size();
    String id = fields.matching("id", true, DEVICE_ID, "1 to 128 of [A-Za-z0-9._:-]");
    String model = fields.matching("hardwareModel", true, MODEL, "a hardware model");
    String region = fields.matching("region", true, REGION, "a region name");
    SemVer version = fields.version("version", true);
    JsonNode tagNode = fields.get("tags", false);
    fields.rejectUnknown();
    Map<String, String> tags = new LinkedHashMap<>();
    if (tagNode != null && !tagNode.isObject()) {
      fields.problem("tags", "WRONG_TYPE", "must be an object of strings");
    } else if (tagNode != null) {
      Cells check = new Cells(fields.path("") + ".", problems);
      tagNode
          .properties()
          .forEach(
              entry -> {
                if (!entry.getValue().isTextual()) {
                  check.problem("tags." + entry.getKey(), "WRONG_TYPE", "must be a string");
                } else {
                  check.tag(entry.getKey(), entry.getValue().textValue(), tags);
                }
              });
    }
    return problems.size() > before ? null : new DeviceRecord(id, model, region, version, tags);
  }

  private static boolean noDuplicate(
      DeviceRecord device, String where, Map<String, String> seen, List<Problem> problems) {
    String first = seen.putIfAbsent(device.id(), where);
    if (first != null) {
      problems.add(
          new Problem(
              where,
              "DUPLICATE_ID",
              "device " + device.id() + " is listed twice (first at " + first + ")"));
      return false;
    }
    return true;
  }

  private static Parsed<List<DeviceRecord>> finish(
      List<DeviceRecord> devices, List<Problem> problems) {
    if (problems.isEmpty() && devices.isEmpty()) {
      problems.add(new Problem("", "EMPTY", "the import lists no device"));
    }
    if (devices.size() > MAX_DEVICES) {
      problems.add(new Problem("", "TOO_MANY", "at most " + MAX_DEVICES + " devices per import"));
    }
    return problems.isEmpty() ? Parsed.of(List.copyOf(devices)) : Parsed.invalid(problems);
  }

  /** Checks of single values with a path prefix, shared by the CSV and JSON readers. */
  private record Cells(String prefix, List<Problem> problems) {

    void problem(String field, String code, String message) {
      problems.add(new Problem(prefix + field, code, message));
    }

    String matching(String field, String value, Pattern pattern, String what) {
      if (!pattern.matcher(value).matches()) {
        problem(
            field,
            value.isEmpty() ? "REQUIRED" : "INVALID_FORMAT",
            value.isEmpty()
                ? "is required"
                : "must be " + what + ", got '" + Fields.clip(value) + "'");
        return null;
      }
      return value;
    }

    SemVer version(String field, String value) {
      try {
        return SemVer.parse(value);
      } catch (IllegalArgumentException e) {
        problem(
            field,
            "INVALID_VERSION",
            "must be a semantic version, got '" + Fields.clip(value) + "'");
        return null;
      }
    }

    boolean tag(String key, String value, Map<String, String> tags) {
      if (!TAG_KEY.matcher(key).matches() || !TAG_VALUE.matcher(value).matches()) {
        problem(
            "tags",
            "INVALID_FORMAT",
            "tag '"
                + Fields.clip(key)
                + "' must be a key of "
                + "[A-Za-z0-9._-] and a value of at most 256 characters without ; = ,");
        return false;
      }
      if (tags.put(key, value) != null) {
        problem("tags", "DUPLICATE_TAG", "tag '" + key + "' is given twice");
        return false;
      }
      return true;
    }
  }
}
