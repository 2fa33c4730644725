package dev.rollout.activities.gate;

import dev.rollout.activities.store.Jdbc;
import dev.rollout.definitions.plan.DevicePolicy;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;

/**
 * The per-device transitions nobody reports: silence past the timeout, retries exhausted. Both run
 * over the whole rollout through partial indexes, so they touch only the rows they change, and both
 * are idempotent (a row that changed no longer matches).
 */
final class Housekeeping {

  private static final String TIME_OUT =
      """
      UPDATE assignments SET outcome = 'TIMED_OUT', last_error_code = 'TIMEOUT',
        last_error_detail = 'no report for longer than ' || ?, updated_at = ?, finished_at = ?
      WHERE rollout_id = ? AND outcome = 'IN_PROGRESS' AND updated_at < ?
      """;

  private static final String QUARANTINE =
      """
      WITH quarantined AS (
        UPDATE assignments SET outcome = 'QUARANTINED', updated_at = ?, finished_at = ?
        WHERE rollout_id = ? AND outcome IN ('FAILED', 'TIMED_OUT') AND attempts >= ?
        RETURNING rollout_id, device_id, last_error_code
      ), queued AS (
        INSERT INTO support_queue (rollout_id, device_id, reason, error_code, entered_at)
        SELECT rollout_id, device_id, 'MAX_ATTEMPTS', last_error_code, ? FROM quarantined
        ON CONFLICT DO NOTHING
      )
      SELECT count(*) FROM quarantined
      """;

  private Housekeeping() {}

  /** IN_PROGRESS devices silent for longer than the policy's timeout become TIMED_OUT. */
  static long timeOut(Connection connection, String rolloutId, DevicePolicy policy, Instant now)
      throws SQLException {
    return Jdbc.update(
        connection,
        TIME_OUT,
        policy.inProgressTimeout().toString(),
        now,
        now,
        rolloutId,
        now.minus(policy.inProgressTimeout()));
  }

  /** FAILED or TIMED_OUT devices out of attempts become QUARANTINED and enter the support queue. */
  static long quarantine(Connection connection, String rolloutId, DevicePolicy policy, Instant now)
      throws SQLException {
    return Jdbc.queryLong(connection, QUARANTINE, now, now, rolloutId, policy.maxAttempts(), now);
  }
}
