package dev.rollout.definitions.plan;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.rollout.definitions.version.VersionRange;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The population in scope; every field is optional (empty means "any") and all are AND-ed.
 *
 * @param versions null means any reported version
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Target(
    List<String> hardwareModels,
    List<String> regions,
    VersionRange versions,
    Map<String, String> tags) {

  public static final Target EVERYONE = new Target(List.of(), List.of(), null, Map.of());

  public Target {
    hardwareModels = List.copyOf(hardwareModels);
    regions = List.copyOf(regions);
    tags = java.util.Collections.unmodifiableMap(new TreeMap<>(tags));
  }
}
