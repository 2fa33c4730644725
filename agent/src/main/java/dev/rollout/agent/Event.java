package dev.rollout.agent;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One event as it goes on the wire. The id is fixed when the event is made, so a batch retried
 * after a lost answer is counted once by the server.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"eventId", "rolloutId", "type", "at", "version"})
record Event(
    @JsonProperty("eventId") String eventId,
    @JsonProperty("rolloutId") String rolloutId,
    @JsonProperty("type") EventType type,
    @JsonProperty("at") String at,
    @JsonProperty("version") String version,
    @JsonProperty("delta") Boolean delta,
    @JsonProperty("durationMs") Long durationMs,
    @JsonProperty("healthy") Boolean healthy,
    @JsonProperty("errorCode") String errorCode,
    @JsonProperty("detail") String detail,
    @JsonProperty("reason") String reason) {

  static final int MAX_DETAIL = 1000;

  Event {
    requireNonNull(eventId, "eventId");
    requireNonNull(rolloutId, "rolloutId");
    requireNonNull(type, "type");
    requireNonNull(at, "at");
    if (detail != null && detail.length() > MAX_DETAIL) {
      detail = detail.substring(0, MAX_DETAIL);
    }
  }
}
