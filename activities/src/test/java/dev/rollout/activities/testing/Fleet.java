package dev.rollout.activities.testing;

import dev.rollout.activities.store.Jdbc;
import javax.sql.DataSource;

/** Seeds devices set-based ({@code generate_series}): a million in seconds. */
public final class Fleet {

  private static final String SEED =
      """
      INSERT INTO devices (id, hardware_model, region, tags, reported_version, battery_percent,
        free_storage_bytes, network_type, network_metered, network_quality, timezone,
        utc_offset_minutes, last_seen_at)
      SELECT ? || lpad(i::text, 7, '0'),
        (?::text[])[1 + abs(hashint4(i)) % ?],
        (?::text[])[1 + abs(hashint4(i + 1000003)) % ?],
        jsonb_strip_nulls(jsonb_build_object('channel', 'stable',
          'internal', CASE WHEN ? > 0 AND i % ? = 0 THEN 'true' END,
          'segment', CASE WHEN ? > 0 AND i % ? = ? - 1 THEN 'low-risk' END)),
        ?, 80, 8000000000, 'wifi', false, 0.9, 'UTC', 0, ?::timestamptz
      FROM generate_series(0, ? - 1) i
      """;

  private Fleet() {}

  /** Inserts the spec's devices; returns how many. */
  public static long seed(DataSource dataSource, FleetSpec spec) {
    int internal = Math.max(spec.internalEvery(), 0);
    int lowRisk = Math.max(spec.lowRiskEvery(), 0);
    return Jdbc.inTransaction(
        dataSource,
        connection ->
            Jdbc.update(
                connection,
                SEED,
                spec.idPrefix(),
                spec.hardwareModels(),
                spec.hardwareModels().size(),
                spec.regions(),
                spec.regions().size(),
                internal,
                Math.max(internal, 1),
                lowRisk,
                Math.max(lowRisk, 1),
                lowRisk,
                spec.version(),
                spec.lastSeen(),
                spec.count()));
  }

  /** Sets one device's columns for a test (e.g. {@code "region", "ap-south"}). */
  public static void set(DataSource dataSource, String deviceId, String column, Object value) {
    if (!column.matches("[a-z_]+")) {
      throw new IllegalArgumentException("not a column name: " + column);
    }
    Jdbc.inTransaction(
        dataSource,
        connection ->
            Jdbc.update(
                connection, "UPDATE devices SET " + column + " = ? WHERE id = ?", value, deviceId));
  }
}
