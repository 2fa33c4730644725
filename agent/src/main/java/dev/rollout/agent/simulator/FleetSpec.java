package dev.rollout.agent.simulator;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * The shape of a generated fleet. Shares are fractions of the fleet, drawn independently per device
 * from the simulator's seed.
 *
 * @param idPrefix device ids are {@code <idPrefix>-00001} and so on
 * @param versions initial versions, drawn uniformly
 * @param zones IANA time zones, drawn uniformly (device-local off-peak windows)
 * @param internalShare tagged {@code internal=true}
 * @param lowRiskShare tagged {@code segment=low-risk}
 * @param offlineShare never check in during the run
 * @param lowBatteryShare battery 5-25% (others 30-100%), not charging
 * @param lowStorageShare 1-50 MB free (others 1-8 GB)
 * @param meteredShare on a metered cellular link (others wifi)
 * @param approvalShare of metered devices, the user approves a metered download when asked
 */
public record FleetSpec(
    int count,
    String idPrefix,
    List<String> hardwareModels,
    List<String> regions,
    List<String> versions,
    List<String> zones,
    double internalShare,
    double lowRiskShare,
    double offlineShare,
    double lowBatteryShare,
    double lowStorageShare,
    double meteredShare,
    double approvalShare) {

  public FleetSpec {
    if (count < 0) {
      throw new IllegalArgumentException("count must not be negative");
    }
    requireNonNull(idPrefix, "idPrefix");
    hardwareModels = nonEmpty(hardwareModels, "hardwareModels");
    regions = nonEmpty(regions, "regions");
    versions = nonEmpty(versions, "versions");
    zones = nonEmpty(zones, "zones");
    for (double share :
        new double[] {
          internalShare,
          lowRiskShare,
          offlineShare,
          lowBatteryShare,
          lowStorageShare,
          meteredShare,
          approvalShare
        }) {
      if (!(share >= 0 && share <= 1)) {
        throw new IllegalArgumentException("shares must be 0..1, got " + share);
      }
    }
  }

  /** The demo's fleet: several models and regions, ~2% internal, some offline, low or metered. */
  public static FleetSpec demo(int count, String version) {
    return new FleetSpec(
        count,
        "sim",
        List.of("th-100", "th-200", "th-300"),
        List.of("eu-west", "us-east", "ap-south"),
        List.of(version),
        List.of("Europe/Paris", "America/New_York", "Asia/Kolkata", "UTC"),
        0.02,
        0.10,
        0.03,
        0.05,
        0.02,
        0.10,
        0.5);
  }

  private static List<String> nonEmpty(List<String> values, String name) {
    List<String> copy = List.copyOf(requireNonNull(values, name));
    if (copy.isEmpty()) {
      throw new IllegalArgumentException(name + " must not be empty");
    }
    return copy;
  }
}
