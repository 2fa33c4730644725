package dev.rollout.activities.mgmt;

import dev.rollout.activities.store.Jdbc;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;

/**
 * What the fleet is made of: devices per version × hardware model, per region, online vs offline.
 * Each figure is one grouped scan of {@code devices}, all in one read-only snapshot so they add up
 * to the same total.
 *
 * @param online devices seen within {@link #ONLINE_WITHIN} of {@code at}
 */
public record FleetComposition(
    long total,
    long online,
    long offline,
    List<VersionModel> byVersionAndModel,
    List<Region> byRegion,
    String at) {

  /** A device that checked in within the last hour counts as online. */
  public static final Duration ONLINE_WITHIN = Duration.ofHours(1);

  public FleetComposition {
    byVersionAndModel = List.copyOf(byVersionAndModel);
    byRegion = List.copyOf(byRegion);
  }

  public record VersionModel(String version, String hardwareModel, long devices) {}

  public record Region(String region, long devices) {}

  public static FleetComposition read(DataSource dataSource, Instant now) {
    return Jdbc.inTransaction(dataSource, connection -> read(connection, now));
  }

  private static FleetComposition read(Connection connection, Instant now) throws SQLException {
    // one snapshot for every figure, so that they add up
    Jdbc.update(connection, "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
    long total = Jdbc.queryLong(connection, "SELECT count(*) FROM devices");
    long online =
        Jdbc.queryLong(
            connection,
            "SELECT count(*) FROM devices WHERE last_seen_at >= ?",
            now.minus(ONLINE_WITHIN));
    List<VersionModel> versions =
        Jdbc.query(
            connection,
            """
              SELECT reported_version, hardware_model, count(*) FROM devices
              GROUP BY reported_version, version_key, hardware_model
              ORDER BY version_key DESC NULLS LAST, reported_version, hardware_model
              """,
            row -> new VersionModel(row.getString(1), row.getString(2), row.getLong(3)));
    List<Region> regions =
        Jdbc.query(
            connection,
            "SELECT region, count(*) FROM devices GROUP BY region ORDER BY region",
            row -> new Region(row.getString(1), row.getLong(2)));
    return new FleetComposition(total, online, total - online, versions, regions, now.toString());
  }
}
