package dev.rollout.activities.dashboard;

import dev.rollout.activities.dashboard.StoreDashboard.Cohort;
import dev.rollout.activities.dashboard.StoreDashboard.ReasonCount;
import dev.rollout.activities.dashboard.StoreDashboard.Timing;
import dev.rollout.activities.store.Jdbc;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The per-cohort aggregates of some rollouts. Outcome counts come from the trigger-kept {@code
 * assignment_counts}; reasons and timings go phase by phase through the {@code (rollout_id, phase,
 * outcome)} index, so each statement reads only the rows of the phases shown.
 */
final class CohortQueries {

  private static final String PHASES =
      """
      SELECT rollout_id, phase, name, population, target FROM rollout_phases
      WHERE rollout_id = ANY(?) ORDER BY rollout_id, phase
      """;

  private static final String OUTCOMES =
      """
      SELECT rollout_id, phase, outcome, unhealthy, sum(devices)::bigint FROM assignment_counts
      WHERE rollout_id = ANY(?) GROUP BY 1, 2, 3, 4 HAVING sum(devices) > 0
      """;

  // bounded per phase: device-reported error codes are not a closed set
  private static final String REASONS =
      """
      SELECT p.rollout_id, p.phase, r.kind, r.reason, r.devices FROM rollout_phases p
      CROSS JOIN LATERAL (
        SELECT CASE a.outcome WHEN 'MISSED' THEN 'missed' WHEN 'DEFERRED' THEN 'deferred'
                 ELSE 'failure' END AS kind,
               coalesce(CASE a.outcome WHEN 'MISSED' THEN a.missed_reason
                          WHEN 'DEFERRED' THEN a.deferred_reason ELSE a.last_error_code END,
                        'UNKNOWN') AS reason,
               count(*) AS devices
        FROM assignments a
        WHERE a.rollout_id = p.rollout_id AND a.phase = p.phase
          AND a.outcome IN ('FAILED', 'TIMED_OUT', 'QUARANTINED', 'MISSED', 'DEFERRED')
        GROUP BY 1, 2 ORDER BY 3 DESC, 2 LIMIT 60) r
      WHERE p.rollout_id = ANY(?)
      """;

  // one pass over the rollouts' rows (per phase, the planner scanned the table once per phase);
  // devices that are only assigned (PENDING, DEFERRED, CANCELLED) never report a duration
  private static final String TIMINGS =
      """
      SELECT rollout_id, phase, count(download_ms),
             percentile_cont(0.5) WITHIN GROUP (ORDER BY download_ms),
             percentile_cont(0.9) WITHIN GROUP (ORDER BY download_ms),
             count(install_ms),
             percentile_cont(0.5) WITHIN GROUP (ORDER BY install_ms),
             percentile_cont(0.9) WITHIN GROUP (ORDER BY install_ms)
      FROM assignments
      WHERE rollout_id = ANY(?)
        AND outcome IN ('IN_PROGRESS', 'SUCCEEDED', 'FAILED', 'TIMED_OUT', 'QUARANTINED',
                        'ROLLED_BACK', 'MISSED')
        AND (download_ms IS NOT NULL OR install_ms IS NOT NULL)
      GROUP BY 1, 2
      """;

  private CohortQueries() {}

  /** The cohorts of each rollout, in phase order; a rollout not prepared yet has none. */
  static Map<String, List<Cohort>> read(Connection connection, List<String> rolloutIds)
      throws SQLException {
    Map<String, Tally> tallies = new HashMap<>();
    for (Tally tally : Jdbc.query(connection, PHASES, Tally::of, rolloutIds)) {
      tallies.put(tally.key(), tally);
    }
    Jdbc.query(connection, OUTCOMES, row -> tally(tallies, row).count(row), rolloutIds);
    Jdbc.query(connection, REASONS, row -> tally(tallies, row).reason(row), rolloutIds);
    Jdbc.query(connection, TIMINGS, row -> tally(tallies, row).timing(row), rolloutIds);
    Map<String, List<Cohort>> cohorts = new HashMap<>();
    tallies.values().stream()
        .sorted(java.util.Comparator.comparing(Tally::key))
        .forEach(
            tally ->
                cohorts
                    .computeIfAbsent(tally.rolloutId, id -> new ArrayList<>())
                    .add(tally.cohort()));
    cohorts.values().forEach(list -> list.sort(java.util.Comparator.comparingInt(Cohort::phase)));
    return cohorts;
  }

  /** Counts of a phase nobody prepared (a hand-written row) are dropped with their phase. */
  private static Tally tally(Map<String, Tally> tallies, ResultSet row) throws SQLException {
    Tally tally = tallies.get(row.getString(1) + "/" + row.getInt(2));
    return tally != null ? tally : new Tally("", -1, "", 0, 0);
  }

  /** One cohort being filled in from the rows of several statements. */
  private static final class Tally {

    final String rolloutId;
    final int phase;
    final String name;
    final long population;
    final long target;
    final Map<String, Long> outcomes = new HashMap<>();
    long healthy;
    long unhealthy;
    final Map<String, List<ReasonCount>> reasons = new HashMap<>();
    Timing download = Timing.NONE;
    Timing install = Timing.NONE;

    Tally(String rolloutId, int phase, String name, long population, long target) {
      this.rolloutId = rolloutId;
      this.phase = phase;
      this.name = name;
      this.population = population;
      this.target = target;
    }

    static Tally of(ResultSet row) throws SQLException {
      return new Tally(
          row.getString(1), row.getInt(2), row.getString(3), row.getLong(4), row.getLong(5));
    }

    String key() {
      return rolloutId + "/" + phase;
    }

    Tally count(ResultSet row) throws SQLException {
      String outcome = row.getString(3);
      boolean isUnhealthy = row.getBoolean(4);
      long devices = row.getLong(5);
      outcomes.merge(outcome, devices, Long::sum);
      if (isUnhealthy) {
        unhealthy += devices;
      } else if (outcome.equals("SUCCEEDED")) {
        healthy += devices;
      }
      return this;
    }

    Tally reason(ResultSet row) throws SQLException {
      reasons
          .computeIfAbsent(row.getString(3), kind -> new ArrayList<>())
          .add(new ReasonCount(row.getString(4), row.getLong(5)));
      return this;
    }

    Tally timing(ResultSet row) throws SQLException {
      download = timing(row, 3);
      install = timing(row, 6);
      return this;
    }

    private static Timing timing(ResultSet row, int column) throws SQLException {
      long devices = row.getLong(column);
      return devices == 0
          ? Timing.NONE
          : new Timing(devices, row.getDouble(column + 1), row.getDouble(column + 2));
    }

    Cohort cohort() {
      return new Cohort(
          phase,
          name,
          population,
          target,
          outcomes,
          healthy,
          unhealthy,
          reasons.getOrDefault("failure", List.of()),
          reasons.getOrDefault("missed", List.of()),
          reasons.getOrDefault("deferred", List.of()),
          download,
          install);
    }
  }
}
