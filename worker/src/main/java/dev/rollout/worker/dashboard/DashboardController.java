package dev.rollout.worker.dashboard;

import dev.rollout.activities.dashboard.DashboardReader;
import dev.rollout.activities.dashboard.StoreDashboard;
import dev.rollout.activities.dashboard.StoreDashboard.FleetCell;
import dev.rollout.activities.dashboard.StoreDashboard.StoredRollout;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /mgmt/v1/dashboard}: the one document the dashboard page polls. Built at most once per
 * {@code rollout.dashboard.cache-for} however many pages are open, the fleet part at most once per
 * {@code rollout.dashboard.fleet-cache-for}.
 */
@RestController
class DashboardController {

  private final DashboardReader reader;
  private final WorkflowStatuses statuses;
  private final DashboardProperties limits;
  private final Clock clock = Clock.systemUTC();
  private DashboardView latest;
  private List<FleetCell> fleet;
  private Instant fleetReadAt;

  DashboardController(
      DashboardReader reader, WorkflowStatuses statuses, DashboardProperties limits) {
    this.reader = reader;
    this.statuses = statuses;
    this.limits = limits;
  }

  @GetMapping(path = "/mgmt/v1/dashboard", produces = "application/json")
  synchronized DashboardView dashboard() {
    Instant now = clock.instant();
    if (latest == null || !now.isBefore(latest.generatedAt().plus(limits.cacheFor()))) {
      StoreDashboard store = reader.read(limits.rollouts(), limits.audit(), limits.support());
      List<String> ids = store.rollouts().stream().map(StoredRollout::id).toList();
      latest = DashboardViews.of(fleet(now), store, statuses.of(ids), now);
    }
    return latest;
  }

  private List<FleetCell> fleet(Instant now) {
    if (fleet == null || !now.isBefore(fleetReadAt.plus(limits.fleetCacheFor()))) {
      fleet = reader.fleet();
      fleetReadAt = now;
    }
    return fleet;
  }
}
