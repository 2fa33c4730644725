package dev.rollout.activities.plan;

import dev.rollout.activities.store.Jdbc;
import dev.rollout.definitions.plan.Phase;
import dev.rollout.definitions.plan.Plan;
import dev.rollout.workflows.rollout.PhasePopulation;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts a computed population per phase and per ineligibility reason, and records the phases'
 * figures in {@code rollout_phases} for the waves.
 */
record PopulationCounts(List<PhasePopulation> phases, Map<String, Long> ineligible) {

  /** Few distinct (eligible, reason, mask) groups, whatever the fleet size: one scan. */
  private static final String GROUPS =
      """
      SELECT eligible, reason, phase_mask, count(*) FROM rollout_population
      WHERE rollout_id = ? GROUP BY eligible, reason, phase_mask
      """;

  static PopulationCounts count(Connection connection, String rolloutId, Plan plan)
      throws SQLException {
    long[] perPhase = new long[plan.phases().size()];
    Map<String, Long> ineligible = new TreeMap<>();
    for (Object[] group :
        Jdbc.query(
            connection,
            GROUPS,
            row ->
                new Object[] {row.getBoolean(1), row.getString(2), row.getLong(3), row.getLong(4)},
            rolloutId)) {
      long devices = (Long) group[3];
      if ((Boolean) group[0]) {
        for (int i = 0; i < perPhase.length; i++) {
          perPhase[i] += ((Long) group[2] & (1L << i)) != 0 ? devices : 0;
        }
      } else {
        ineligible.merge((String) group[1], devices, Long::sum);
      }
    }
    List<PhasePopulation> phases = new ArrayList<>();
    for (int i = 0; i < perPhase.length; i++) {
      Phase phase = plan.phases().get(i);
      phases.add(
          new PhasePopulation(
              phase.name(), perPhase[i], target(phase.cohort().percent(), perPhase[i])));
    }
    return new PopulationCounts(phases, ineligible);
  }

  /** Replaces the rollout's rows in {@code rollout_phases}. */
  void record(Connection connection, String rolloutId) throws SQLException {
    Jdbc.update(connection, "DELETE FROM rollout_phases WHERE rollout_id = ?", rolloutId);
    for (int i = 0; i < phases.size(); i++) {
      PhasePopulation phase = phases.get(i);
      Jdbc.update(
          connection,
          "INSERT INTO rollout_phases (rollout_id, phase, name, population, target)"
              + " VALUES (?, ?, ?, ?, ?)",
          rolloutId,
          i,
          phase.name(),
          phase.population(),
          phase.target());
    }
  }

  /** ceil(percent% x population), in decimal so that 1% of 100 is 1, not 2. */
  static long target(double percent, long population) {
    return BigDecimal.valueOf(percent)
        .multiply(BigDecimal.valueOf(population))
        .divide(BigDecimal.valueOf(100), 0, RoundingMode.CEILING)
        .longValueExact();
  }
}
