package dev.rollout.definitions.plan;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.time.Duration;

/**
 * Sent to devices with the offer and enforced by the server.
 *
 * @param minBatteryPercent 0 means no limit
 * @param minFreeStorageBytes null means "auto": twice the package size
 * @param offPeakWindow device-local window in which metered links may download; null when not set
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DevicePolicy(
    int minBatteryPercent,
    Long minFreeStorageBytes,
    NetworkPolicy network,
    DailyWindow offPeakWindow,
    @JsonSerialize(using = PlanJson.DurationSerializer.class)
        @JsonDeserialize(using = PlanJson.DurationDeserializer.class)
        Duration inProgressTimeout,
    int maxAttempts) {

  public static final Duration DEFAULT_IN_PROGRESS_TIMEOUT = Duration.ofHours(2);
  public static final int DEFAULT_MAX_ATTEMPTS = 3;
  public static final DevicePolicy DEFAULT =
      new DevicePolicy(
          0, null, NetworkPolicy.DEFAULT, null, DEFAULT_IN_PROGRESS_TIMEOUT, DEFAULT_MAX_ATTEMPTS);

  public DevicePolicy {
    requireNonNull(network, "network");
    requireNonNull(inProgressTimeout, "inProgressTimeout");
  }
}
