package dev.rollout.activities.gate;

import dev.rollout.activities.store.Jdbc;
import dev.rollout.definitions.gate.PhaseCounts;
import dev.rollout.definitions.plan.Gate;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;

/**
 * Counts a phase and the whole rollout from {@code assignment_counts} (kept by triggers: a few
 * dozen rows whatever the fleet size); the costlier figures (tickets, download p90) only when the
 * gate has a limit on them.
 */
final class Counting {

  private static final String GROUPS =
      """
      SELECT phase = ? AS in_phase, outcome, NOT unhealthy, sum(devices)::bigint
      FROM assignment_counts WHERE rollout_id = ? GROUP BY 1, 2, 3
      """;

  private static final String TICKETS =
      """
      SELECT count(*) FROM assignments a
      JOIN support_tickets t ON t.device_id = a.device_id AND t.opened_at >= a.assigned_at
      WHERE a.rollout_id = ? AND a.phase = ?
      """;

  private static final String DOWNLOAD_P90 =
      """
      SELECT percentile_disc(0.9) WITHIN GROUP (ORDER BY download_ms) FROM assignments
      WHERE rollout_id = ? AND phase = ? AND download_ms IS NOT NULL
      """;

  /** The counts of the phase, and of the whole rollout for the brake. */
  record Counts(PhaseCounts phase, PhaseCounts rollout) {}

  private Counting() {}

  static Counts count(Connection connection, String rolloutId, int phase, Gate gate)
      throws SQLException {
    Tally inPhase = new Tally();
    Tally inRollout = new Tally();
    for (Object[] group :
        Jdbc.query(
            connection,
            GROUPS,
            row ->
                new Object[] {
                  row.getBoolean(1), row.getString(2), row.getBoolean(3), row.getLong(4)
                },
            phase,
            rolloutId)) {
      String outcome = (String) group[1];
      boolean healthy = (Boolean) group[2];
      long devices = (Long) group[3];
      inRollout.add(outcome, healthy, devices);
      if ((Boolean) group[0]) {
        inPhase.add(outcome, healthy, devices);
      }
    }
    long tickets =
        gate.maxSupportTickets() == null
            ? 0
            : Jdbc.queryLong(connection, TICKETS, rolloutId, phase);
    Duration p90 = gate.maxDownloadP90() == null ? null : downloadP90(connection, rolloutId, phase);
    return new Counts(inPhase.counts(tickets, p90), inRollout.counts(0, null));
  }

  private static Duration downloadP90(Connection connection, String rolloutId, int phase)
      throws SQLException {
    List<Long> p90 =
        Jdbc.query(
            connection,
            DOWNLOAD_P90,
            row -> {
              long millis = row.getLong(1);
              return row.wasNull() ? null : millis;
            },
            rolloutId,
            phase);
    return p90.get(0) == null ? null : Duration.ofMillis(p90.get(0));
  }
}
