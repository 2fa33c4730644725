package dev.rollout.definitions.policy;

import static java.util.Objects.requireNonNull;

import dev.rollout.definitions.policy.Offer.Ineligible;
import dev.rollout.definitions.policy.Offer.Reason;
import dev.rollout.definitions.version.SemVer;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Decides, at check-in, what a device on its way to a rollout's target is offered. A device never
 * jumps over a critical migration: it gets the lowest one it has not passed yet, one step at a
 * time, so each check-in answers with at most one hop.
 */
public final class UpgradePath {

  private UpgradePath() {}

  public static Offer next(
      VersionPolicy policy,
      ReleaseCatalog catalog,
      SemVer deviceVersion,
      String hardwareModel,
      SemVer target) {
    requireNonNull(policy, "policy");
    requireNonNull(catalog, "catalog");
    requireNonNull(deviceVersion, "deviceVersion");
    requireNonNull(hardwareModel, "hardwareModel");
    requireNonNull(target, "target");
    if (deviceVersion.compareTo(target) >= 0) {
      return ineligible(Reason.ALREADY_CURRENT, "runs " + deviceVersion + ", target " + target);
    }
    if (deviceVersion.compareTo(policy.minSupportedVersion()) < 0) {
      return ineligible(
          Reason.UNSUPPORTED_VERSION,
          "runs "
              + deviceVersion
              + ", below the minimum supported "
              + policy.minSupportedVersion());
    }
    Optional<AvailableRelease> release = catalog.find(target);
    if (release.isEmpty()) {
      return ineligible(Reason.UNKNOWN_RELEASE, "release " + target + " is not available");
    }
    if (!release.get().supports(hardwareModel)) {
      return ineligible(
          Reason.INCOMPATIBLE_HARDWARE, "release " + target + " is not built for " + hardwareModel);
    }
    return firstMigrationBetween(policy, catalog, deviceVersion, target)
        .map(migration -> stepTo(policy, catalog, migration, hardwareModel, target))
        .orElseGet(() -> new Offer.Direct(target));
  }

  // Critical migrations come from the policy and from the releases' own flags; a migration the
  // catalog does not hold still blocks the jump (it shows up as MIGRATION_REQUIRED).
  private static Optional<SemVer> firstMigrationBetween(
      VersionPolicy policy, ReleaseCatalog catalog, SemVer device, SemVer target) {
    TreeSet<SemVer> migrations = new TreeSet<>(policy.criticalMigrations());
    catalog.releases().stream()
        .filter(AvailableRelease::criticalMigration)
        .forEach(release -> migrations.add(release.version()));
    return Optional.ofNullable(migrations.higher(device)).filter(m -> m.compareTo(target) < 0);
  }

  private static Offer stepTo(
      VersionPolicy policy,
      ReleaseCatalog catalog,
      SemVer migration,
      String hardwareModel,
      SemVer target) {
    Optional<AvailableRelease> stone = catalog.find(migration);
    if (stone.isEmpty()) {
      return ineligible(
          Reason.MIGRATION_REQUIRED,
          "critical migration " + migration + " lies before " + target + " but is not available");
    }
    if (!stone.get().supports(hardwareModel)) {
      return ineligible(
          Reason.MIGRATION_REQUIRED,
          "critical migration "
              + migration
              + " lies before "
              + target
              + " but is not built for "
              + hardwareModel);
    }
    if (stone.get().minServerApi() > policy.serverApiVersion()) {
      return ineligible(
          Reason.MIGRATION_REQUIRED,
          "critical migration "
              + migration
              + " needs server API "
              + stone.get().minServerApi()
              + ", this server runs "
              + policy.serverApiVersion());
    }
    return new Offer.SteppingStone(migration);
  }

  private static Offer ineligible(Reason reason, String message) {
    return new Ineligible(reason, message);
  }
}
