package dev.rollout.activities.release;

import static java.util.Objects.requireNonNull;

import dev.rollout.activities.release.Registration.Delta;
import dev.rollout.activities.store.Jdbc;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Array;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The registered releases: listing them, and deleting one that nothing needs any more. A release
 * stays as long as a rollout targets it or any assignment names it as target, previous version (the
 * rollback image) or stepping stone.
 */
public final class ReleaseLibrary {

  /** What {@link #delete} did. */
  public enum Deletion {
    DELETED,
    NOT_FOUND,
    /** A rollout or an assignment still refers to it; nothing was deleted. */
    IN_USE
  }

  private final DataSource dataSource;
  private final ArtifactStore store;

  public ReleaseLibrary(DataSource dataSource, ArtifactStore store) {
    this.dataSource = requireNonNull(dataSource, "dataSource");
    this.store = requireNonNull(store, "store");
  }

  /** Every release, oldest version first, each with its deltas. */
  public List<ReleaseSummary> list() {
    return Jdbc.inTransaction(
        dataSource,
        connection -> {
          Map<String, List<Delta>> deltas = deltasByVersion(connection);
          return Jdbc.query(
              connection,
              """
              SELECT version, product, hardware_models, artifact_size, artifact_sha256, key_id,
                min_server_api, critical_migration, created_at
              FROM releases ORDER BY version_key, version
              """,
              row ->
                  new ReleaseSummary(
                      row.getString(1),
                      row.getString(2),
                      strings(row.getArray(3)),
                      row.getLong(4),
                      row.getString(5),
                      row.getString(6),
                      row.getInt(7),
                      row.getBoolean(8),
                      row.getObject(9, OffsetDateTime.class).toInstant(),
                      deltas.getOrDefault(row.getString(1), List.of())));
        });
  }

  /** Deletes the release, its deltas and their files, unless anything still refers to it. */
  public Deletion delete(String version) {
    List<String> locations = new ArrayList<>();
    Deletion result =
        Jdbc.inTransaction(
            dataSource,
            connection -> {
              ReleaseRows.lock(connection, version);
              if (Jdbc.queryLong(
                      connection,
                      """
                      SELECT count(*) FROM (
                        SELECT 1 FROM rollouts WHERE release = ?
                        UNION ALL
                        SELECT 1 FROM assignments WHERE target_version = ? OR previous_version = ?
                          OR installing_version = ?
                        LIMIT 1) used
                      """,
                      version,
                      version,
                      version,
                      version)
                  > 0) {
                return Deletion.IN_USE;
              }
              locations.addAll(
                  Jdbc.query(
                      connection,
                      "SELECT location FROM release_deltas WHERE to_version = ?"
                          + " UNION ALL SELECT artifact_location FROM releases WHERE version = ?",
                      row -> row.getString(1),
                      version,
                      version));
              long deleted =
                  Jdbc.update(connection, "DELETE FROM releases WHERE version = ?", version);
              return deleted == 0 ? Deletion.NOT_FOUND : Deletion.DELETED;
            });
    if (result == Deletion.DELETED) {
      deleteFiles(locations);
    }
    return result;
  }

  // After the commit: a file left by a failed delete is unreferenced, and re-registering the
  // version replaces it.
  private void deleteFiles(List<String> locations) {
    for (String location : locations) {
      try {
        store.delete(location);
      } catch (IOException e) {
        throw new UncheckedIOException("release deleted, but not its file " + location, e);
      }
    }
  }

  private static Map<String, List<Delta>> deltasByVersion(Connection connection)
      throws SQLException {
    Map<String, List<Delta>> byVersion = new HashMap<>();
    for (var entry :
        Jdbc.query(
            connection,
            "SELECT to_version, from_version, size, sha256, location FROM release_deltas"
                + " ORDER BY version_key(from_version), from_version",
            row ->
                Map.entry(
                    row.getString(1),
                    new Delta(
                        row.getString(2), row.getLong(3), row.getString(4), row.getString(5))))) {
      byVersion.computeIfAbsent(entry.getKey(), key -> new ArrayList<>()).add(entry.getValue());
    }
    return byVersion;
  }

  private static List<String> strings(Array array) throws SQLException {
    return array == null ? List.of() : List.of((String[]) array.getArray());
  }
}
