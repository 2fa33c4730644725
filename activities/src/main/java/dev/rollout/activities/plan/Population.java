package dev.rollout.activities.plan;

import dev.rollout.activities.store.Jdbc;
import dev.rollout.definitions.plan.Plan;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Computes a rollout's population in one set-based statement: every device of the target, eligible
 * or not (with the reason), its stable rank, and the phases whose cohort selector it matches.
 */
final class Population {

  /**
   * Critical-migration versions and the hardware models their registered release supports.
   * MATERIALIZED: inlined, the union would run again for each of a million devices.
   */
  private static final String CRITICAL =
      """
      WITH critical AS MATERIALIZED (
        SELECT version_key(v) AS key,
               coalesce((SELECT hardware_models FROM releases WHERE version = v), '{}') AS models
        FROM (SELECT version FROM releases WHERE critical_migration
              UNION SELECT unnest(critical_migrations) FROM version_policy) x(v)
      ), rel AS (
        SELECT r.version_key AS key, r.hardware_models AS models,
               version_key(p.min_supported_version) AS min_key
        FROM releases r CROSS JOIN version_policy p WHERE r.version = ?
      )
      """;

  /** OFFSET 0 keeps the reason computed once per device (inlined, it ran twice). */
  private static final String INSERT =
      """
      INSERT INTO rollout_population (rollout_id, device_id, rank, eligible, reason, phase_mask,
                                      reported_version)
      SELECT ?, id, ('x' || substr(md5(? || '/' || id), 1, 16))::bit(64)::bigint,
             reason IS NULL, reason, mask, reported_version
      FROM (SELECT d.id, d.reported_version, CASE
              WHEN NOT d.hardware_model = ANY(rel.models) THEN 'INCOMPATIBLE_HARDWARE'
              WHEN d.version_key IS NULL OR d.version_key < rel.min_key THEN 'UNSUPPORTED_VERSION'
              WHEN d.version_key >= rel.key THEN 'ALREADY_CURRENT'
              WHEN EXISTS (SELECT 1 FROM critical c
                           WHERE c.key > d.version_key AND c.key < rel.key
                             AND NOT d.hardware_model = ANY(c.models)) THEN 'MIGRATION_REQUIRED'
            END AS reason, %s AS mask
            FROM devices d CROSS JOIN rel
            WHERE %s OFFSET 0) s
      """;

  private Population() {}

  /** Replaces the rollout's population rows; the caller holds the rollout's lock. */
  static void compute(Connection connection, String rolloutId, Plan plan) throws SQLException {
    Jdbc.update(connection, "DELETE FROM rollout_population WHERE rollout_id = ?", rolloutId);
    List<Object> params = new ArrayList<>();
    params.add(plan.release());
    params.add(rolloutId);
    params.add(rolloutId);
    StringBuilder mask = new StringBuilder("0::bigint");
    for (int i = 0; i < plan.phases().size(); i++) {
      Selector cohort = Selector.cohort(plan.phases().get(i).cohort());
      mask.append(" | (CASE WHEN ")
          .append(cohort.sql())
          .append(" THEN ")
          .append(1L << i)
          .append("::bigint ELSE 0 END)");
      params.addAll(cohort.params());
    }
    Selector target = Selector.target(plan.target());
    params.addAll(target.params());
    String sql = CRITICAL + INSERT.formatted(mask, target.sql());
    Jdbc.update(connection, sql, params.toArray());
  }
}
