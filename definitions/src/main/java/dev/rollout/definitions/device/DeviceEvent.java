package dev.rollout.definitions.device;

import static java.util.Objects.requireNonNull;

import dev.rollout.definitions.version.SemVer;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One event a device reports (docs/device-api.md, events). Every event carries its header; each
 * type adds its own fields. {@link #content()} is the canonical content the idempotency digest is
 * taken over, so a replay with the same meaning is a duplicate whatever its JSON spelling.
 */
public sealed interface DeviceEvent {

  Header header();

  EventType type();

  /** The type's own fields, in a fixed order, for the digest and the stored payload. */
  Map<String, Object> fields();

  /** Header and fields in a fixed order. */
  default Map<String, Object> content() {
    Map<String, Object> content = new LinkedHashMap<>();
    content.put("eventId", header().eventId());
    content.put("rolloutId", header().rolloutId());
    content.put("type", type().name());
    content.put("at", header().at().toString());
    content.putAll(fields());
    return content;
  }

  /** What every event carries. */
  record Header(String eventId, String rolloutId, Instant at) {
    public Header {
      requireNonNull(eventId, "eventId");
      requireNonNull(rolloutId, "rolloutId");
      requireNonNull(at, "at");
    }
  }

  record DownloadStarted(Header header, SemVer version, boolean delta) implements DeviceEvent {
    public DownloadStarted {
      requireNonNull(header, "header");
      requireNonNull(version, "version");
    }

    public EventType type() {
      return EventType.DOWNLOAD_STARTED;
    }

    public Map<String, Object> fields() {
      return ordered("version", version.toString(), "delta", delta);
    }
  }

  record DownloadFinished(Header header, long durationMs) implements DeviceEvent {
    public DownloadFinished {
      requireNonNull(header, "header");
    }

    public EventType type() {
      return EventType.DOWNLOAD_FINISHED;
    }

    public Map<String, Object> fields() {
      return ordered("durationMs", durationMs);
    }
  }

  record Verified(Header header) implements DeviceEvent {
    public Verified {
      requireNonNull(header, "header");
    }

    public EventType type() {
      return EventType.VERIFIED;
    }

    public Map<String, Object> fields() {
      return Map.of();
    }
  }

  record Installed(Header header, long durationMs) implements DeviceEvent {
    public Installed {
      requireNonNull(header, "header");
    }

    public EventType type() {
      return EventType.INSTALLED;
    }

    public Map<String, Object> fields() {
      return ordered("durationMs", durationMs);
    }
  }

  /**
   * @param version the version the device runs now
   */
  record Rebooted(Header header, SemVer version) implements DeviceEvent {
    public Rebooted {
      requireNonNull(header, "header");
      requireNonNull(version, "version");
    }

    public EventType type() {
      return EventType.REBOOTED;
    }

    public Map<String, Object> fields() {
      return ordered("version", version.toString());
    }
  }

  record Health(Header header, boolean healthy, SemVer version) implements DeviceEvent {
    public Health {
      requireNonNull(header, "header");
      requireNonNull(version, "version");
    }

    public EventType type() {
      return EventType.HEALTH;
    }

    public Map<String, Object> fields() {
      return ordered("healthy", healthy, "version", version.toString());
    }
  }

  /**
   * @param detail empty when the device gave none
   */
  record Failed(Header header, String errorCode, String detail) implements DeviceEvent {
    public Failed {
      requireNonNull(header, "header");
      requireNonNull(errorCode, "errorCode");
      requireNonNull(detail, "detail");
    }

    public EventType type() {
      return EventType.FAILED;
    }

    public Map<String, Object> fields() {
      return ordered("errorCode", errorCode, "detail", detail);
    }
  }

  record Deferred(Header header, String reason) implements DeviceEvent {
    public Deferred {
      requireNonNull(header, "header");
      requireNonNull(reason, "reason");
    }

    public EventType type() {
      return EventType.DEFERRED;
    }

    public Map<String, Object> fields() {
      return ordered("reason", reason);
    }
  }

  record RolledBack(Header header, SemVer version) implements DeviceEvent {
    public RolledBack {
      requireNonNull(header, "header");
      requireNonNull(version, "version");
    }

    public EventType type() {
      return EventType.ROLLED_BACK;
    }

    public Map<String, Object> fields() {
      return ordered("version", version.toString());
    }
  }

  record RollbackFailed(Header header, String errorCode, String detail) implements DeviceEvent {
    public RollbackFailed {
      requireNonNull(header, "header");
      requireNonNull(errorCode, "errorCode");
      requireNonNull(detail, "detail");
    }

    public EventType type() {
      return EventType.ROLLBACK_FAILED;
    }

    public Map<String, Object> fields() {
      return ordered("errorCode", errorCode, "detail", detail);
    }
  }

  private static Map<String, Object> ordered(Object... keysAndValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }
}
