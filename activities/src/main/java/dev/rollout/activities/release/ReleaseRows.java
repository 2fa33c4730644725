package dev.rollout.activities.release;

import dev.rollout.activities.release.DeltaGenerator.StoredImage;
import dev.rollout.activities.release.Registration.Delta;
import dev.rollout.activities.store.Jdbc;
import dev.rollout.definitions.release.ReleaseManifest;
import dev.rollout.definitions.version.SemVer;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The SQL of {@code releases} and {@code release_deltas}. */
final class ReleaseRows {

  private ReleaseRows() {}

  /** What registration compares an upload with: the stored manifest JSON, key and deltas. */
  record Existing(String manifestJson, String product, String keyId, long size, String sha256) {}

  static Optional<Existing> find(Connection connection, String version) throws SQLException {
    return Jdbc.query(
            connection,
            "SELECT manifest, product, key_id, artifact_size, artifact_sha256 FROM releases"
                + " WHERE version = ?",
            row ->
                new Existing(
                    row.getString(1),
                    row.getString(2),
                    row.getString(3),
                    row.getLong(4),
                    row.getString(5)),
            version)
        .stream()
        .findFirst();
  }

  /** The registered images of a product line among the given versions. */
  static Map<SemVer, StoredImage> images(
      Connection connection, String product, List<SemVer> versions) throws SQLException {
    Map<SemVer, StoredImage> images = new LinkedHashMap<>();
    List<String> texts = versions.stream().map(SemVer::toString).toList();
    for (var entry :
        Jdbc.query(
            connection,
            "SELECT version, artifact_location, artifact_size FROM releases"
                + " WHERE product = ? AND version = ANY (?)",
            row ->
                Map.entry(
                    SemVer.parse(row.getString(1)),
                    new StoredImage(row.getString(2), row.getLong(3))),
            product,
            texts)) {
      images.put(entry.getKey(), entry.getValue());
    }
    return images;
  }

  static void insert(
      Connection connection,
      ReleaseManifest manifest,
      String signedJson,
      String keyId,
      String signature,
      String location)
      throws SQLException {
    Jdbc.update(
        connection,
        """
        INSERT INTO releases (version, hardware_models, artifact_size, artifact_sha256,
          artifact_location, signature, key_id, min_server_api, critical_migration, product,
          manifest)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """,
        manifest.version().toString(),
        manifest.hardwareModels(),
        manifest.size(),
        manifest.sha256(),
        location,
        signature,
        keyId,
        manifest.minServerApi(),
        manifest.criticalMigration(),
        manifest.product(),
        signedJson);
  }

  static void insertDelta(Connection connection, String version, Delta delta) throws SQLException {
    Jdbc.update(
        connection,
        "INSERT INTO release_deltas (to_version, from_version, size, sha256, location)"
            + " VALUES (?, ?, ?, ?, ?)",
        version,
        delta.from(),
        delta.size(),
        delta.sha256(),
        delta.location());
  }

  static List<Delta> deltas(Connection connection, String version) throws SQLException {
    return Jdbc.query(
        connection,
        "SELECT from_version, size, sha256, location FROM release_deltas WHERE to_version = ?"
            + " ORDER BY version_key(from_version), from_version",
        row -> new Delta(row.getString(1), row.getLong(2), row.getString(3), row.getString(4)),
        version);
  }

  /** Takes the version's lock until the transaction ends: one registration per version at once. */
  static void lock(Connection connection, String version) throws SQLException {
    Jdbc.query(
        connection, "SELECT pg_advisory_xact_lock(hashtext('release:' || ?))", row -> 1, version);
  }
}
