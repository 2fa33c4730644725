package dev.rollout.agent;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;

/**
 * A check-in answer. Read leniently (unknown fields ignored, an unknown action read as null) so
 * that a server extending the contract compatibly does not break deployed agents; what the agent
 * relies on is checked where it is used, and the manifest only through its signature.
 */
record Offer(
    @JsonProperty("action") Action action,
    @JsonProperty("rolloutId") String rolloutId,
    @JsonProperty("version") String version,
    @JsonProperty("manifest") JsonNode manifest,
    @JsonProperty("artifact") Artifact artifact,
    @JsonProperty("delta") Delta delta,
    @JsonProperty("policy") Policy policy,
    @JsonProperty("nextCheckInSeconds") Integer nextCheckInSeconds,
    @JsonProperty("deferredReason") String deferredReason) {

  /** An unknown action does nothing, like NONE. */
  Action effectiveAction() {
    return action == null ? Action.NONE : action;
  }

  /** When to check in next: the server's {@code nextCheckInSeconds}, else the fallback. */
  Duration nextCheckIn(Duration fallback) {
    return nextCheckInSeconds != null && nextCheckInSeconds > 0
        ? Duration.ofSeconds(nextCheckInSeconds)
        : fallback;
  }

  record Artifact(
      @JsonProperty("url") String url,
      @JsonProperty("size") long size,
      @JsonProperty("sha256") String sha256) {}

  record Delta(
      @JsonProperty("from") String from,
      @JsonProperty("url") String url,
      @JsonProperty("size") long size,
      @JsonProperty("sha256") String sha256) {}

  /** The plan's device policy as resolved for this device; every limit optional. */
  record Policy(
      @JsonProperty("minBatteryPercent") Integer minBatteryPercent,
      @JsonProperty("minFreeStorageBytes") Long minFreeStorageBytes,
      @JsonProperty("minNetworkQuality") Double minNetworkQuality,
      @JsonProperty("metered") String metered,
      @JsonProperty("offPeakWindow") String offPeakWindow,
      @JsonProperty("requiresUserApproval") boolean requiresUserApproval) {

    static final Policy NONE = new Policy(null, null, null, null, null, false);
  }
}
