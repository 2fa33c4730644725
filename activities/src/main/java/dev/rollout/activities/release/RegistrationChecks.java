package dev.rollout.activities.release;

import dev.rollout.activities.release.ArtifactStore.Staged;
import dev.rollout.activities.release.Registration.Code;
import dev.rollout.activities.release.Registration.Refused;
import dev.rollout.activities.release.Registration.Registered;
import dev.rollout.activities.release.ReleaseRows.Existing;
import dev.rollout.definitions.release.ManifestJson;
import dev.rollout.definitions.release.ReleaseManifest;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * What a release's registration checks before it stores anything: the artifact against its signed
 * manifest, and a version registered already (the same release again, or a refusal: a version never
 * changes).
 */
final class RegistrationChecks {

  private RegistrationChecks() {}

  /** A refusal when the artifact's size or sha256 is not the signed manifest's. */
  static Optional<Registration> artifactMismatch(ReleaseManifest manifest, Staged image) {
    if (image.size() != manifest.size()) {
      return Optional.of(
          new Refused(
              Code.SIZE_MISMATCH,
              "the artifact has "
                  + image.size()
                  + " bytes, the signed manifest says "
                  + manifest.size()));
    }
    if (!image.sha256().equals(manifest.sha256())) {
      return Optional.of(
          new Refused(
              Code.HASH_MISMATCH,
              "the artifact's sha256 is "
                  + image.sha256()
                  + ", the signed manifest says "
                  + manifest.sha256()));
    }
    return Optional.empty();
  }

  /** The answer when the version is registered already: the same release, or a refusal. */
  static Optional<Registration> known(Connection connection, ReleaseManifest manifest)
      throws SQLException {
    String version = manifest.version().toString();
    Optional<Existing> existing = ReleaseRows.find(connection, version);
    if (existing.isEmpty()) {
      return Optional.empty();
    }
    Existing stored = existing.get();
    if (!sameManifest(stored.manifestJson(), manifest)) {
      return Optional.of(
          new Refused(
              Code.ALREADY_REGISTERED,
              "release "
                  + version
                  + " is registered with other content; a version never changes, sign a new one"));
    }
    return Optional.of(
        new Registered(
            version,
            stored.product(),
            stored.keyId(),
            stored.size(),
            stored.sha256(),
            ReleaseRows.deltas(connection, version),
            List.of(),
            true));
  }

  // The same signed content, whoever signed it and however the JSON is laid out.
  private static boolean sameManifest(String storedJson, ReleaseManifest manifest) {
    if (storedJson == null) {
      return false;
    }
    try {
      byte[] stored = ManifestJson.readSigned(storedJson).manifest().canonicalBytes();
      return Arrays.equals(stored, manifest.canonicalBytes());
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
