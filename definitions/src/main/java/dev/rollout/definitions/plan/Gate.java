package dev.rollout.definitions.plan;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.time.Duration;

/**
 * The brake of a phase. Optional limits are null when off.
 *
 * @param minDevices completed devices needed before any verdict other than inconclusive
 * @param successRate the Wilson lower bound of the success rate must reach this to pass
 * @param confidence of the Wilson interval, such as 0.95
 * @param maxFailureRate fails as soon as the Wilson lower bound of the failure rate exceeds this
 * @param maxHealthRegression share of updated devices reporting unhealthy afterwards; null when off
 * @param maxSupportTickets support tickets opened by devices of the phase; null when off
 * @param maxDownloadP90 90th percentile of download time; null when off
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Gate(
    int minDevices,
    double successRate,
    double confidence,
    double maxFailureRate,
    Double maxHealthRegression,
    Integer maxSupportTickets,
    @JsonSerialize(using = PlanJson.DurationSerializer.class)
        @JsonDeserialize(using = PlanJson.DurationDeserializer.class)
        Duration maxDownloadP90) {

  public static final Gate DEFAULT = new Gate(10, 0.95, 0.95, 0.05, null, null, null);
}
