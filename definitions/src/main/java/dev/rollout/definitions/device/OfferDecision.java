package dev.rollout.definitions.device;

import static java.util.Objects.requireNonNull;

import dev.rollout.definitions.plan.DevicePolicy;
import dev.rollout.definitions.policy.Offer;
import dev.rollout.definitions.policy.ReleaseCatalog;
import dev.rollout.definitions.policy.UpgradePath;
import dev.rollout.definitions.policy.VersionPolicy;
import dev.rollout.definitions.version.SemVer;
import java.util.Map;
import java.util.Set;

/**
 * What a checking-in device is told (docs/device-api.md, check-in): rollback offers first, then the
 * update in progress (or its cancellation), then new offers while the rollout runs, under the
 * version policy (stepping stones) and the plan's device policy.
 */
public final class OfferDecision {

  /** Rollout states in which new offers are made. */
  public static final Set<String> OFFERING = Set.of("RUNNING", "AWAITING_APPROVAL");

  private OfferDecision() {}

  /**
   * The releases that can be offered now, with the version policy.
   *
   * @param packageSizes full image size by version, for every release of the catalog
   */
  public record Releases(
      VersionPolicy versionPolicy, ReleaseCatalog catalog, Map<SemVer, Long> packageSizes) {
    public Releases {
      requireNonNull(versionPolicy, "versionPolicy");
      requireNonNull(catalog, "catalog");
      packageSizes = Map.copyOf(packageSizes);
    }
  }

  /** The device's active assignment, its rollout's state and plan's device policy. */
  public record Assignment(AssignmentState state, String rolloutState, DevicePolicy policy) {
    public Assignment {
      requireNonNull(state, "state");
      requireNonNull(rolloutState, "rolloutState");
      requireNonNull(policy, "policy");
    }
  }

  /**
   * @param hardwareModel the registered model (not the reported one: a device cannot talk itself
   *     into an image built for other hardware)
   */
  public static Decision decide(
      Assignment assignment, Releases releases, CheckInReport report, String hardwareModel) {
    AssignmentState state = assignment.state();
    if (state.rollbackState() == RollbackState.OFFERED) {
      SemVer previous = state.previousVersion();
      boolean offerable = previous != null && releases.catalog().find(previous).isPresent();
      return offerable ? new Decision.Rollback(previous) : new Decision.None();
    }
    if (state.outcome() == Outcome.IN_PROGRESS) {
      return inProgress(assignment, releases);
    }
    boolean retry =
        (state.outcome() == Outcome.FAILED || state.outcome() == Outcome.TIMED_OUT)
            && state.attempts() < assignment.policy().maxAttempts();
    boolean waiting = state.outcome() == Outcome.PENDING || state.outcome() == Outcome.DEFERRED;
    if (!OFFERING.contains(assignment.rolloutState()) || !(waiting || retry)) {
      return new Decision.None();
    }
    Offer offer =
        UpgradePath.next(
            releases.versionPolicy(),
            releases.catalog(),
            report.version(),
            hardwareModel,
            state.targetVersion());
    if (offer instanceof Offer.Direct direct) {
      return preflight(assignment, releases, report, direct.version(), false);
    }
    if (offer instanceof Offer.SteppingStone stone) {
      return preflight(assignment, releases, report, stone.version(), true);
    }
    return new Decision.None();
  }

  // An update already started is offered again (so an agent that restarted can resume), unless
  // the rollout was aborted: then the device is told to stop before it commits.
  private static Decision inProgress(Assignment assignment, Releases releases) {
    if ("ABORTED".equals(assignment.rolloutState())) {
      return new Decision.Cancel();
    }
    SemVer installing = assignment.state().installing();
    Long size = releases.packageSizes().get(installing);
    if (size == null) {
      return new Decision.None();
    }
    long storage = Preflight.minFreeStorage(assignment.policy(), size);
    boolean stone = !installing.equals(assignment.state().targetVersion());
    return new Decision.Update(installing, stone, false, storage);
  }

  private static Decision preflight(
      Assignment assignment,
      Releases releases,
      CheckInReport report,
      SemVer version,
      boolean steppingStone) {
    Long size = releases.packageSizes().get(version);
    if (size == null) {
      return new Decision.None();
    }
    Preflight.Result result = Preflight.check(assignment.policy(), report, size);
    if (result instanceof Preflight.Result.Defer defer) {
      Outcome outcome = assignment.state().outcome();
      boolean record = outcome == Outcome.PENDING || outcome == Outcome.DEFERRED;
      return new Decision.Defer(defer.reason(), record);
    }
    boolean approval = ((Preflight.Result.Go) result).requiresUserApproval();
    return new Decision.Update(
        version, steppingStone, approval, Preflight.minFreeStorage(assignment.policy(), size));
  }
}
