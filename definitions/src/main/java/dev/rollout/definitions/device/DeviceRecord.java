package dev.rollout.definitions.device;

import static java.util.Objects.requireNonNull;

import dev.rollout.definitions.version.SemVer;
import java.util.Map;
import java.util.TreeMap;

/** One device as an operator imports it ({@code rollout devices import}). */
public record DeviceRecord(
    String id, String hardwareModel, String region, SemVer version, Map<String, String> tags) {

  public DeviceRecord {
    requireNonNull(id, "id");
    requireNonNull(hardwareModel, "hardwareModel");
    requireNonNull(region, "region");
    requireNonNull(version, "version");
    tags = Map.copyOf(new TreeMap<>(requireNonNull(tags, "tags")));
  }
}
