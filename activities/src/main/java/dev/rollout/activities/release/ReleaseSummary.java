package dev.rollout.activities.release;

import static java.util.Objects.requireNonNull;

import dev.rollout.activities.release.Registration.Delta;
import java.time.Instant;
import java.util.List;

/**
 * A registered release as operators list it.
 *
 * @param product null for a row written without a manifest (test fixtures, older data)
 * @param keyId the key that signed it (it may have been revoked since)
 */
public record ReleaseSummary(
    String version,
    String product,
    List<String> hardwareModels,
    long size,
    String sha256,
    String keyId,
    int minServerApi,
    boolean criticalMigration,
    Instant createdAt,
    List<Delta> deltas) {

  public ReleaseSummary {
    requireNonNull(version, "version");
    requireNonNull(sha256, "sha256");
    requireNonNull(createdAt, "createdAt");
    hardwareModels = List.copyOf(hardwareModels);
    deltas = List.copyOf(deltas);
  }
}
