package dev.rollout.activities.device;

import static java.util.Objects.requireNonNull;

import dev.rollout.activities.store.Jdbc;
import dev.rollout.definitions.version.SemVer;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Where the registered images and deltas lie (paths relative to the artifacts root) and their
 * digests. Read from the store at each download: downloads are rare next to check-ins, and a
 * release registered a moment ago must be downloadable at once.
 */
public final class ArtifactIndex {

  /** One file to serve. */
  public record Artifact(String location, long size, String sha256) {
    public Artifact {
      requireNonNull(location, "location");
      requireNonNull(sha256, "sha256");
    }
  }

  private final DataSource dataSource;

  public ArtifactIndex(DataSource dataSource) {
    this.dataSource = requireNonNull(dataSource, "dataSource");
  }

  public Optional<Artifact> image(SemVer version) {
    return first(
        "SELECT artifact_location, artifact_size, artifact_sha256 FROM releases WHERE version = ?",
        version.toString());
  }

  public Optional<Artifact> delta(SemVer to, SemVer from) {
    return first(
        "SELECT location, size, sha256 FROM release_deltas WHERE to_version = ? AND from_version = ?",
        to.toString(),
        from.toString());
  }

  private Optional<Artifact> first(String sql, Object... params) {
    List<Artifact> found =
        Jdbc.inTransaction(
            dataSource,
            connection ->
                Jdbc.query(
                    connection,
                    sql,
                    row -> new Artifact(row.getString(1), row.getLong(2), row.getString(3)),
                    params));
    return found.stream().findFirst();
  }
}
