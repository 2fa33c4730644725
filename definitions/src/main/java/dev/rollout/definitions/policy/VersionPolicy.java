package dev.rollout.definitions.policy;

import static java.util.Objects.requireNonNull;

import dev.rollout.definitions.version.SemVer;
import java.util.List;

/**
 * The fleet-wide rules of DESIGN.md §5.
 *
 * @param minSupportedVersion devices below it are offered nothing
 * @param serverApiVersion the API of the running server; releases needing more cannot start
 * @param criticalMigrations releases every device must pass through, in addition to releases
 *     flagged critical in their manifests; kept sorted, without repeats
 */
public record VersionPolicy(
    SemVer minSupportedVersion, int serverApiVersion, List<SemVer> criticalMigrations) {

  public VersionPolicy {
    requireNonNull(minSupportedVersion, "minSupportedVersion");
    if (serverApiVersion < 1) {
      throw new IllegalArgumentException(
          "serverApiVersion must be at least 1, got " + serverApiVersion);
    }
    criticalMigrations =
        List.copyOf(requireNonNull(criticalMigrations, "criticalMigrations")).stream()
            .sorted()
            .distinct()
            .toList();
  }
}
