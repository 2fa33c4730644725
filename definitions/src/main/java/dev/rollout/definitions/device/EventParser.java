package dev.rollout.definitions.device;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rollout.definitions.device.DeviceEvent.Header;
import dev.rollout.definitions.plan.Problem;
import dev.rollout.definitions.version.SemVer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Reads an event batch {@code {"events": [...]}}, reporting every problem with its path. */
public final class EventParser {

  /** At most this many events in one batch (docs/device-api.md). */
  public static final int MAX_EVENTS = 100;

  static final Pattern EVENT_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
  static final Pattern ROLLOUT_ID = Pattern.compile("[A-Za-z0-9._:-]{1,200}");
  private static final long MAX_DURATION_MS = 365L * 24 * 3600 * 1000;
  private static final int MAX_DETAIL = 1000;

  private EventParser() {}

  public static Parsed<List<DeviceEvent>> parse(JsonNode body) {
    List<Problem> problems = new ArrayList<>();
    Fields batch = new Fields(body, "", problems);
    JsonNode events = batch.get("events", true);
    if (events != null && !events.isArray()) {
      batch.problem("events", "WRONG_TYPE", "must be an array");
    } else if (events != null && events.isEmpty()) {
      batch.problem("events", "OUT_OF_RANGE", "must hold at least one event");
    } else if (events != null && events.size() > MAX_EVENTS) {
      batch.problem("events", "TOO_MANY", "must hold at most " + MAX_EVENTS + " events");
    }
    if (!problems.isEmpty()) {
      return Parsed.invalid(problems);
    }
    List<DeviceEvent> parsed = new ArrayList<>();
    for (int i = 0; i < events.size(); i++) {
      DeviceEvent event = event(new Fields(events.get(i), "events[" + i + "]", problems));
      if (event != null) {
        parsed.add(event);
      }
    }
    return problems.isEmpty() ? Parsed.of(List.copyOf(parsed)) : Parsed.invalid(problems);
  }

  private static DeviceEvent event(Fields fields) {
    int before = fields.problems().size();
    String eventId = fields.matching("eventId", true, EVENT_ID, "1 to 64 of [A-Za-z0-9._:-]");
    String rolloutId = fields.matching("rolloutId", true, ROLLOUT_ID, "a rollout id");
    String typeText = fields.text("type", true, 32);
    Instant at = fields.instant("at", true);
    EventType type = type(fields, typeText);
    if (type == null || fields.problems().size() > before) {
      return null;
    }
    return typed(fields, type, new Header(eventId, rolloutId, at), before);
  }

  private static EventType type(Fields fields, String text) {
    if (text == null) {
      return null;
    }
    try {
      return EventType.valueOf(text);
    } catch (IllegalArgumentException e) {
      fields.problem(
          "type",
          "UNKNOWN_TYPE",
          "must be one of " + List.of(EventType.values()) + ", got '" + Fields.clip(text) + "'");
      return null;
    }
  }

  private static DeviceEvent typed(Fields fields, EventType type, Header header, int before) {
    DeviceEvent event =
        switch (type) {
          case DOWNLOAD_STARTED -> downloadStarted(fields, header);
          case DOWNLOAD_FINISHED -> new DeviceEvent.DownloadFinished(header, duration(fields));
          case VERIFIED -> new DeviceEvent.Verified(header);
          case INSTALLED -> new DeviceEvent.Installed(header, duration(fields));
          case REBOOTED -> rebooted(fields, header);
          case HEALTH -> health(fields, header);
          case FAILED -> failed(fields, header);
          case DEFERRED -> deferred(fields, header);
          case ROLLED_BACK -> rolledBack(fields, header);
          case ROLLBACK_FAILED -> rollbackFailed(fields, header);
        };
    return fields.problems().size() > before ? null : event;
  }

  private static DeviceEvent downloadStarted(Fields fields, Header header) {
    SemVer version = fields.version("version", true);
    Boolean delta = fields.bool("delta", false);
    return version == null
        ? null
        : new DeviceEvent.DownloadStarted(header, version, Boolean.TRUE.equals(delta));
  }

  private static long duration(Fields fields) {
    Long duration = fields.integer("durationMs", true, 0, MAX_DURATION_MS);
    return duration == null ? 0 : duration;
  }

  private static DeviceEvent rebooted(Fields fields, Header header) {
    SemVer version = fields.version("version", true);
    return version == null ? null : new DeviceEvent.Rebooted(header, version);
  }

  private static DeviceEvent health(Fields fields, Header header) {
    Boolean healthy = fields.bool("healthy", true);
    SemVer version = fields.version("version", true);
    return healthy == null || version == null
        ? null
        : new DeviceEvent.Health(header, healthy, version);
  }

  private static DeviceEvent failed(Fields fields, Header header) {
    String code = errorCode(fields);
    String detail = detail(fields);
    return code == null ? null : new DeviceEvent.Failed(header, code, detail);
  }

  private static DeviceEvent deferred(Fields fields, Header header) {
    String reason = fields.matching("reason", true, Fields.CODE, "[A-Z0-9_]{1,64}");
    return reason == null ? null : new DeviceEvent.Deferred(header, reason);
  }

  private static DeviceEvent rolledBack(Fields fields, Header header) {
    SemVer version = fields.version("version", true);
    return version == null ? null : new DeviceEvent.RolledBack(header, version);
  }

  private static DeviceEvent rollbackFailed(Fields fields, Header header) {
    String code = errorCode(fields);
    String detail = detail(fields);
    return code == null ? null : new DeviceEvent.RollbackFailed(header, code, detail);
  }

  private static String errorCode(Fields fields) {
    return fields.matching("errorCode", true, Fields.CODE, "[A-Z0-9_]{1,64}");
  }

  private static String detail(Fields fields) {
    JsonNode given = fields.get("detail", false);
    if (given != null && given.isTextual() && given.textValue().isEmpty()) {
      return ""; // what an event without a detail stores and digests: it must read back
    }
    String detail = fields.text("detail", false, MAX_DETAIL);
    return detail == null ? "" : detail;
  }
}
