package dev.rollout.activities.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.rollout.definitions.plan.Plan;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/** Reads what prepare recorded about a rollout. */
public final class Rollouts {

  private Rollouts() {}

  /** The rollout's validated plan; a non-retryable failure when the rollout is unknown. */
  public static Plan plan(Connection connection, String rolloutId) throws SQLException {
    List<String> json =
        Jdbc.query(
            connection,
            "SELECT plan::text FROM rollouts WHERE id = ?",
            row -> row.getString(1),
            rolloutId);
    if (json.isEmpty()) {
      throw StoreFailures.rolloutNotFound(rolloutId);
    }
    try {
      return PlanJson.read(json.get(0));
    } catch (JsonProcessingException e) {
      throw StoreFailures.corruptPlan(rolloutId, e);
    }
  }

  /** Checks the phase index against the plan, failing for good when it is out of range. */
  public static void checkPhase(Plan plan, String rolloutId, int phaseIndex) {
    if (phaseIndex < 0 || phaseIndex >= plan.phases().size()) {
      throw StoreFailures.phaseOutOfRange(rolloutId, phaseIndex, plan.phases().size());
    }
  }

  /** The bit of {@code rollout_population.phase_mask} that marks phase {@code phaseIndex}. */
  public static long phaseBit(int phaseIndex) {
    return 1L << phaseIndex;
  }
}
