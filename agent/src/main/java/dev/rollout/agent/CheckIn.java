package dev.rollout.agent;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/** The body of {@code POST /device/v1/devices/{id}/check-in}. */
record CheckIn(
    @JsonProperty("version") String version,
    @JsonProperty("hardwareModel") String hardwareModel,
    @JsonProperty("batteryPercent") Integer batteryPercent,
    @JsonProperty("charging") Boolean charging,
    @JsonProperty("freeStorageBytes") Long freeStorageBytes,
    @JsonProperty("network") Network network,
    @JsonProperty("localTime") String localTime) {

  CheckIn {
    requireNonNull(version, "version");
    requireNonNull(hardwareModel, "hardwareModel");
    requireNonNull(localTime, "localTime");
  }

  record Network(
      @JsonProperty("type") String type,
      @JsonProperty("metered") boolean metered,
      @JsonProperty("quality") Double quality) {}

  static CheckIn of(String version, String model, Readings readings, Instant now, ZoneId zone) {
    Network network =
        readings.networkType() == null
            ? null
            : new Network(readings.networkType(), readings.metered(), readings.networkQuality());
    return new CheckIn(
        version,
        model,
        readings.batteryPercent(),
        readings.charging(),
        readings.freeStorageBytes(),
        network,
        OffsetDateTime.ofInstant(now.truncatedTo(ChronoUnit.SECONDS), zone).toString());
  }
}
