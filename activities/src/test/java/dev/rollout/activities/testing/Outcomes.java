package dev.rollout.activities.testing;

import dev.rollout.activities.store.Jdbc;
import java.time.Instant;
import javax.sql.DataSource;

/**
 * Simulates devices by writing their outcomes into the store, set-based, as the device API will.
 * Devices are taken in device id order. Timestamps: the given instant, or when null each
 * assignment's own {@code assigned_at} (the workflow clock), which suits time-skipping tests.
 */
public final class Outcomes {

  private static final String COMPLETE =
      """
      WITH picked AS (
        SELECT device_id, row_number() OVER (ORDER BY device_id) AS n FROM assignments
        WHERE rollout_id = ? AND phase = ? AND outcome IN ('PENDING', 'IN_PROGRESS')
        ORDER BY device_id LIMIT ?
      )
      UPDATE assignments a SET
        outcome = CASE WHEN p.n <= ? THEN 'SUCCEEDED' ELSE 'FAILED' END,
        healthy = CASE WHEN p.n <= ? THEN true END,
        last_error_code = CASE WHEN p.n > ? THEN 'INSTALL_FAILED' END,
        attempts = a.attempts + CASE WHEN a.outcome = 'PENDING' THEN 1 ELSE 0 END,
        started_at = coalesce(a.started_at, ?::timestamptz, a.assigned_at),
        updated_at = coalesce(?::timestamptz, a.assigned_at),
        finished_at = coalesce(?::timestamptz, a.assigned_at),
        download_ms = 60000, install_ms = 30000
      FROM picked p WHERE a.rollout_id = ? AND a.device_id = p.device_id
      """;

  private Outcomes() {}

  /**
   * The first {@code succeeded} open devices of the phase succeed, the next {@code failed} fail.
   */
  public static long complete(
      DataSource dataSource, String rolloutId, int phase, long succeeded, long failed) {
    return complete(dataSource, rolloutId, phase, succeeded, failed, null);
  }

  public static long complete(
      DataSource dataSource, String rolloutId, int phase, long succeeded, long failed, Instant at) {
    return run(
        dataSource,
        COMPLETE,
        rolloutId,
        phase,
        succeeded + failed,
        succeeded,
        succeeded,
        succeeded,
        at,
        at,
        at,
        rolloutId);
  }

  /** Every PENDING device of the phase starts (IN_PROGRESS, one more attempt). */
  public static long startAll(DataSource dataSource, String rolloutId, int phase, Instant at) {
    return run(
        dataSource,
        """
        UPDATE assignments SET outcome = 'IN_PROGRESS', attempts = attempts + 1,
          started_at = coalesce(?::timestamptz, assigned_at),
          updated_at = coalesce(?::timestamptz, assigned_at)
        WHERE rollout_id = ? AND phase = ? AND outcome = 'PENDING'
        """,
        at,
        at,
        rolloutId,
        phase);
  }

  /** {@code count} PENDING devices of the phase defer (preflight not met) with the reason. */
  public static long defer(
      DataSource dataSource, String rolloutId, int phase, long count, String reason) {
    return run(
        dataSource,
        """
        UPDATE assignments a SET outcome = 'DEFERRED', deferred_reason = ?
        FROM (SELECT device_id FROM assignments WHERE rollout_id = ? AND phase = ?
              AND outcome = 'PENDING' ORDER BY device_id LIMIT ?) p
        WHERE a.rollout_id = ? AND a.device_id = p.device_id
        """,
        reason,
        rolloutId,
        phase,
        count,
        rolloutId);
  }

  /** {@code count} SUCCEEDED devices of the phase report unhealthy. */
  public static long unhealthy(DataSource dataSource, String rolloutId, int phase, long count) {
    return run(
        dataSource,
        """
        UPDATE assignments a SET healthy = false
        FROM (SELECT device_id FROM assignments WHERE rollout_id = ? AND phase = ?
              AND outcome = 'SUCCEEDED' AND healthy ORDER BY device_id LIMIT ?) p
        WHERE a.rollout_id = ? AND a.device_id = p.device_id
        """,
        rolloutId,
        phase,
        count,
        rolloutId);
  }

  /**
   * Of the phase's devices offered a rollback, the first {@code done} roll back (ROLLED_BACK, DONE)
   * and the next {@code failed} report a failed rollback.
   */
  public static long rollBackOffered(
      DataSource dataSource, String rolloutId, int phase, long done, long failed) {
    return run(
        dataSource,
        """
        WITH picked AS (
          SELECT device_id, row_number() OVER (ORDER BY device_id) AS n FROM assignments
          WHERE rollout_id = ? AND phase = ? AND rollback_state = 'OFFERED'
          ORDER BY device_id LIMIT ?
        )
        UPDATE assignments a SET
          outcome = CASE WHEN p.n <= ? THEN 'ROLLED_BACK' ELSE a.outcome END,
          rollback_state = CASE WHEN p.n <= ? THEN 'DONE' ELSE 'FAILED' END
        FROM picked p WHERE a.rollout_id = ? AND a.device_id = p.device_id
        """,
        rolloutId,
        phase,
        done + failed,
        done,
        done,
        rolloutId);
  }

  /** Every device assigned in the phase was last seen at {@code at}. */
  public static long seen(DataSource dataSource, String rolloutId, int phase, Instant at) {
    return run(
        dataSource,
        """
        UPDATE devices d SET last_seen_at = ? FROM assignments a
        WHERE a.rollout_id = ? AND a.phase = ? AND a.device_id = d.id
        """,
        at,
        rolloutId,
        phase);
  }

  private static long run(DataSource dataSource, String sql, Object... params) {
    return Jdbc.inTransaction(
        dataSource,
        connection -> {
          // tables truncated between tests keep their old, tiny statistics: no nested loops
          Jdbc.update(connection, "SET LOCAL enable_nestloop = off");
          return Jdbc.update(connection, sql, params);
        });
  }
}
