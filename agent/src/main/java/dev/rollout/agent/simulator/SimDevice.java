package dev.rollout.agent.simulator;

import static java.util.Objects.requireNonNull;

import java.time.ZoneId;
import java.util.Map;

/** One generated device: what is imported into the server, and how it behaves on its own. */
public record SimDevice(
    String id,
    String hardwareModel,
    String region,
    String version,
    Map<String, String> tags,
    ZoneId zone,
    int batteryPercent,
    long freeStorageBytes,
    boolean metered,
    double networkQuality,
    boolean offline,
    boolean approvesMetered,
    long seed) {

  public SimDevice {
    requireNonNull(id, "id");
    requireNonNull(hardwareModel, "hardwareModel");
    requireNonNull(region, "region");
    requireNonNull(version, "version");
    tags = Map.copyOf(requireNonNull(tags, "tags"));
    requireNonNull(zone, "zone");
  }
}
