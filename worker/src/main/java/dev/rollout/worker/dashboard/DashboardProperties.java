package dev.rollout.worker.dashboard;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Bounds of the dashboard document, so one refresh costs the same whatever the fleet and history.
 *
 * @param rollouts how many rollouts it shows (those still moving first, then the most recent)
 * @param audit how many audit entries per rollout
 * @param support how many support cases (the newest)
 * @param queryTimeout how long to wait for the workflows' {@code status} queries before showing the
 *     store's rows instead
 * @param cacheFor how long one document serves every page that asks (many open pages, one read)
 * @param fleetCacheFor how long the fleet composition is kept: it changes slowly and costs a scan
 *     of every device
 */
@Validated
@ConfigurationProperties("rollout.dashboard")
record DashboardProperties(
    @Min(1) @Max(100) @DefaultValue("10") int rollouts,
    @Min(0) @Max(500) @DefaultValue("20") int audit,
    @Min(0) @Max(2000) @DefaultValue("200") int support,
    @NotNull @DefaultValue("2s") Duration queryTimeout,
    @NotNull @DefaultValue("1s") Duration cacheFor,
    @NotNull @DefaultValue("15s") Duration fleetCacheFor) {}
