package dev.rollout.activities.mgmt;

import dev.rollout.activities.dashboard.StoreDashboard.SupportCase;
import dev.rollout.activities.dashboard.SupportQueries;
import dev.rollout.activities.store.Jdbc;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;

/**
 * The support queue: quarantined devices waiting for a person, each with the playbook's advice for
 * its last error code (the {@code DEFAULT} entry when the code has none).
 */
public final class SupportQueue {

  private SupportQueue() {}

  /**
   * A device in the queue.
   *
   * @param since ISO-8601: when it entered the queue
   * @param advice the playbook entry that applies ({@code advice.errorCode} is {@code DEFAULT} when
   *     the device's code has no entry of its own)
   */
  public record Entry(
      String rolloutId,
      String deviceId,
      String reason,
      String errorCode,
      String errorDetail,
      int attempts,
      String outcome,
      String since,
      Advice advice) {}

  public record Advice(String errorCode, String cause, String nextSteps, boolean retryable) {}

  /** What releasing a device did. */
  public enum Release {
    RELEASED,
    NOT_IN_QUEUE
  }

  /** The open entries, oldest first: the dashboard's read of the queue, from the other end. */
  public static List<Entry> open(DataSource dataSource, int limit) {
    return Jdbc.inTransaction(
        dataSource,
        connection -> {
          Advice fallback = defaultAdvice(connection);
          return SupportQueries.open(connection, SupportQueries.Order.OLDEST_FIRST, limit).stream()
              .map(open -> entry(open, fallback))
              .toList();
        });
  }

  /**
   * Takes the device out of quarantine: its queue entry is closed, its assignment goes back to
   * PENDING with its attempts reset (so it is offered again), and the rollout's audit trail says
   * who did it. One transaction under the rollout's lock, so it never interleaves with
   * housekeeping.
   */
  public static Release release(
      DataSource dataSource, String rolloutId, String deviceId, String by) {
    return Jdbc.inTransaction(
        dataSource,
        connection -> {
          Jdbc.lockRollout(connection, rolloutId);
          List<String> codes =
              Jdbc.query(
                  connection,
                  "UPDATE support_queue SET released_at = now() WHERE rollout_id = ? AND"
                      + " device_id = ? AND released_at IS NULL RETURNING error_code",
                  row -> String.valueOf(row.getString(1)),
                  rolloutId,
                  deviceId);
          if (codes.isEmpty()) {
            return Release.NOT_IN_QUEUE;
          }
          requeue(connection, rolloutId, deviceId);
          Jdbc.update(
              connection,
              "INSERT INTO audit (rollout_id, at, event, actor, detail)"
                  + " VALUES (?, clock_timestamp(), 'RELEASED_FROM_QUARANTINE', ?, ?)",
              rolloutId,
              by,
              "device " + deviceId + " (last error " + codes.get(0) + ") offered again");
          return Release.RELEASED;
        });
  }

  private static void requeue(Connection connection, String rolloutId, String deviceId)
      throws SQLException {
    Jdbc.update(
        connection,
        """
        UPDATE assignments SET outcome = 'PENDING', attempts = 0, started_at = NULL,
          finished_at = NULL, deferred_reason = NULL, updated_at = now()
        WHERE rollout_id = ? AND device_id = ? AND outcome = 'QUARANTINED'
        """,
        rolloutId,
        deviceId);
  }

  private static Advice defaultAdvice(Connection connection) throws SQLException {
    List<Advice> advice =
        Jdbc.query(
            connection,
            "SELECT cause, next_steps, retryable FROM playbook WHERE error_code = ?",
            row ->
                new Advice(Playbook.DEFAULT, row.getString(1), row.getString(2), row.getBoolean(3)),
            Playbook.DEFAULT);
    return advice.isEmpty() ? new Advice(null, null, null, false) : advice.get(0);
  }

  private static Entry entry(SupportCase open, Advice fallback) {
    return new Entry(
        open.rolloutId(),
        open.deviceId(),
        open.reason(),
        open.errorCode(),
        open.errorDetail(),
        open.attempts(),
        open.outcome(),
        open.enteredAt().toString(),
        open.cause() == null
            ? fallback
            : new Advice(open.errorCode(), open.cause(), open.nextSteps(), open.retryable()));
  }
}
