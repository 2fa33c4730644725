package dev.rollout.worker.device;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonRawValue;

/**
 * The check-in answer (docs/device-api.md). Absent parts are left out.
 *
 * @param manifest the signed manifest JSON exactly as registered, embedded as is
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record CheckInResponse(
    @JsonProperty("action") String action,
    @JsonProperty("rolloutId") String rolloutId,
    @JsonProperty("version") String version,
    @JsonProperty("manifest") @JsonRawValue String manifest,
    @JsonProperty("artifact") Download artifact,
    @JsonProperty("delta") Delta delta,
    @JsonProperty("policy") Policy policy,
    @JsonProperty("deferredReason") String deferredReason,
    @JsonProperty("nextCheckInSeconds") int nextCheckInSeconds) {

  static CheckInResponse nothing(int nextCheckInSeconds) {
    return new CheckInResponse(
        "NONE", null, null, null, null, null, null, null, nextCheckInSeconds);
  }

  record Download(
      @JsonProperty("url") String url,
      @JsonProperty("size") long size,
      @JsonProperty("sha256") String sha256) {}

  record Delta(
      @JsonProperty("from") String from,
      @JsonProperty("url") String url,
      @JsonProperty("size") long size,
      @JsonProperty("sha256") String sha256) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Policy(
      @JsonProperty("minBatteryPercent") int minBatteryPercent,
      @JsonProperty("minFreeStorageBytes") long minFreeStorageBytes,
      @JsonProperty("minNetworkQuality") double minNetworkQuality,
      @JsonProperty("metered") String metered,
      @JsonProperty("offPeakWindow") String offPeakWindow,
      @JsonProperty("requiresUserApproval") boolean requiresUserApproval) {}
}
