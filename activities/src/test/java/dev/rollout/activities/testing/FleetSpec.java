package dev.rollout.activities.testing;

import java.time.Instant;
import java.util.List;

/**
 * The devices {@link Fleet#seed} creates. Device {@code i} (0-based) gets the id {@code idPrefix +
 * i} (7 digits), a hardware model and a region spread by a hash of {@code i}, the tag {@code
 * channel=stable}, {@code internal=true} when {@code i % internalEvery == 0} and {@code
 * segment=low-risk} when {@code i % lowRiskEvery == lowRiskEvery - 1} (0 = nobody): exact, disjoint
 * shares whatever the fleet size.
 *
 * @param lastSeen null = never seen
 */
public record FleetSpec(
    int count,
    String idPrefix,
    List<String> hardwareModels,
    List<String> regions,
    int internalEvery,
    int lowRiskEvery,
    String version,
    Instant lastSeen) {

  public FleetSpec {
    hardwareModels = List.copyOf(hardwareModels);
    regions = List.copyOf(regions);
  }

  /** {@code count} devices th-100/th-200 in eu-west/us-east on 2.3.0; 2% internal, 5% low-risk. */
  public static FleetSpec of(int count) {
    return new FleetSpec(
        count,
        "dev-",
        List.of("th-100", "th-200"),
        List.of("eu-west", "us-east"),
        50,
        20,
        "2.3.0",
        null);
  }

  public FleetSpec withIdPrefix(String prefix) {
    return new FleetSpec(
        count, prefix, hardwareModels, regions, internalEvery, lowRiskEvery, version, lastSeen);
  }

  public FleetSpec withHardwareModels(String... models) {
    return new FleetSpec(
        count, idPrefix, List.of(models), regions, internalEvery, lowRiskEvery, version, lastSeen);
  }

  public FleetSpec withRegions(String... names) {
    return new FleetSpec(
        count,
        idPrefix,
        hardwareModels,
        List.of(names),
        internalEvery,
        lowRiskEvery,
        version,
        lastSeen);
  }

  public FleetSpec withTagEvery(int internal, int lowRisk) {
    return new FleetSpec(
        count, idPrefix, hardwareModels, regions, internal, lowRisk, version, lastSeen);
  }

  public FleetSpec withVersion(String reportedVersion) {
    return new FleetSpec(
        count,
        idPrefix,
        hardwareModels,
        regions,
        internalEvery,
        lowRiskEvery,
        reportedVersion,
        lastSeen);
  }

  public FleetSpec withLastSeen(Instant seen) {
    return new FleetSpec(
        count, idPrefix, hardwareModels, regions, internalEvery, lowRiskEvery, version, seen);
  }
}
