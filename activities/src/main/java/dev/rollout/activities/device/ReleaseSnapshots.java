package dev.rollout.activities.device;

import static java.util.Objects.requireNonNull;

import dev.rollout.activities.store.Jdbc;
import dev.rollout.definitions.policy.AvailableRelease;
import dev.rollout.definitions.policy.VersionPolicy;
import dev.rollout.definitions.version.SemVer;
import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;

/**
 * Keeps the {@link ReleaseSnapshot} in memory. Releases, deltas and the version policy change a few
 * times a month while devices check in thousands of times a second: reading them at every check-in
 * would triple the hot path's work. A check-in finding the snapshot older than the refresh interval
 * starts one reload and uses the old snapshot meanwhile, so a new release is offered within a few
 * seconds of its registration.
 */
public final class ReleaseSnapshots {

  private static final String RELEASES =
      """
      SELECT version, hardware_models, artifact_size, artifact_sha256, artifact_location,
        min_server_api, critical_migration, product, manifest
      FROM releases WHERE manifest IS NOT NULL
      """;

  private final DataSource dataSource;
  private final Duration refreshEvery;
  private final Clock clock;
  private final AtomicBoolean loading = new AtomicBoolean();
  private volatile ReleaseSnapshot snapshot;
  private volatile Instant loadedAt = Instant.MIN;

  public ReleaseSnapshots(DataSource dataSource, Duration refreshEvery, Clock clock) {
    this.dataSource = requireNonNull(dataSource, "dataSource");
    this.refreshEvery = requireNonNull(refreshEvery, "refreshEvery");
    this.clock = requireNonNull(clock, "clock");
  }

  public ReleaseSnapshots(DataSource dataSource) {
    this(dataSource, Duration.ofSeconds(5), Clock.systemUTC());
  }

  /** The current snapshot; loads it on first use and when it is older than the interval. */
  public ReleaseSnapshot current() {
    ReleaseSnapshot current = snapshot;
    if (current == null) {
      return refresh();
    }
    if (loadedAt.plus(refreshEvery).isBefore(clock.instant())
        && loading.compareAndSet(false, true)) {
      try {
        return refresh();
      } finally {
        loading.set(false);
      }
    }
    return current;
  }

  /** Reads the store now (also for tests and after a registration on this node). */
  public ReleaseSnapshot refresh() {
    Instant now = clock.instant();
    ReleaseSnapshot loaded = Jdbc.inTransaction(dataSource, ReleaseSnapshots::load);
    snapshot = loaded;
    loadedAt = now;
    return loaded;
  }

  private static ReleaseSnapshot load(Connection connection) throws SQLException {
    List<AvailableRelease> catalog = new ArrayList<>();
    List<StoredRelease> releases = new ArrayList<>();
    for (Object[] row : Jdbc.query(connection, RELEASES, ReleaseSnapshots::release)) {
      catalog.add((AvailableRelease) row[0]);
      releases.add((StoredRelease) row[1]);
    }
    List<StoredDelta> deltas =
        Jdbc.query(
            connection,
            "SELECT to_version, from_version, size, sha256, location FROM release_deltas",
            row ->
                new StoredDelta(
                    SemVer.parse(row.getString(1)),
                    SemVer.parse(row.getString(2)),
                    row.getLong(3),
                    row.getString(4),
                    row.getString(5)));
    VersionPolicy policy =
        Jdbc.query(
                connection,
                "SELECT min_supported_version, server_api_version, critical_migrations"
                    + " FROM version_policy",
                row ->
                    new VersionPolicy(
                        SemVer.parse(row.getString(1)),
                        row.getInt(2),
                        strings(row.getArray(3)).stream().map(SemVer::parse).toList()))
            .get(0);
    return new ReleaseSnapshot(policy, catalog, releases, deltas);
  }

  private static Object[] release(ResultSet row) throws SQLException {
    SemVer version = SemVer.parse(row.getString(1));
    AvailableRelease available =
        new AvailableRelease(
            version, Set.copyOf(strings(row.getArray(2))), row.getInt(6), row.getBoolean(7));
    StoredRelease stored =
        new StoredRelease(
            version,
            row.getString(8),
            row.getLong(3),
            row.getString(4),
            row.getString(5),
            row.getString(9));
    return new Object[] {available, stored};
  }

  static List<String> strings(Array array) throws SQLException {
    return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
  }
}
