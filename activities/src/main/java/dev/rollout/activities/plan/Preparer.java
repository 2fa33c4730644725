package dev.rollout.activities.plan;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rollout.activities.store.Jdbc;
import dev.rollout.activities.store.PlanJson;
import dev.rollout.definitions.plan.Plan;
import dev.rollout.definitions.plan.PlanParser;
import dev.rollout.definitions.plan.PlanResult;
import dev.rollout.definitions.plan.Problem;
import dev.rollout.workflows.rollout.Preparation;
import dev.rollout.workflows.rollout.PrepareRequest;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * The prepare activity: reads the input, validates the plan and its release, and records the
 * rollout with its population. Bad input comes back as problems, never as an exception. Idempotent:
 * a retry recomputes the same population and leaves assignments alone.
 */
public final class Preparer {

  /** phase_mask is a bigint. */
  static final int MAX_PHASES = 63;

  private final DataSource dataSource;

  public Preparer(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  public Preparation prepare(PrepareRequest request) {
    RolloutInput input = RolloutInput.read(request.input());
    return Jdbc.inTransaction(
        dataSource,
        connection -> {
          List<Problem> problems = new ArrayList<>(input.problems());
          Plan plan = resolve(connection, input, problems);
          String release = plan != null ? plan.release() : rawRelease(input.plan());
          if (release != null) {
            problems.addAll(ReleaseCheck.problems(connection, release));
          }
          if (plan != null && plan.phases().size() > MAX_PHASES) {
            problems.add(
                new Problem("phases", "TOO_MANY_PHASES", "at most " + MAX_PHASES + " phases"));
          }
          if (!problems.isEmpty()) {
            return Preparation.rejected(problems);
          }
          return record(connection, request.rolloutId(), plan, input.requestedBy());
        });
  }

  /** The validated plan, or null with the reasons added to {@code problems}. */
  private Plan resolve(Connection connection, RolloutInput input, List<Problem> problems)
      throws SQLException {
    PlanResult result;
    if (input.plan() != null) {
      result = PlanParser.parse(input.plan());
    } else if (input.planName() != null) {
      List<String> text =
          Jdbc.query(
              connection,
              "SELECT text FROM plans WHERE name = ?",
              row -> row.getString(1),
              input.planName());
      if (text.isEmpty()) {
        problems.add(
            new Problem("planName", "UNKNOWN_PLAN", "no stored plan '" + input.planName() + "'"));
        return null;
      }
      result = PlanParser.parse(text.get(0));
    } else {
      return null;
    }
    // Java 17: no pattern matching for switch yet; the sealed type has exactly these two cases
    if (result instanceof PlanResult.Valid valid) {
      return valid.plan();
    }
    problems.addAll(((PlanResult.Invalid) result).problems());
    return null;
  }

  /** An invalid inline plan's release, still checked so that every problem is reported at once. */
  private static String rawRelease(JsonNode plan) {
    return plan != null && plan.path("release").isTextual() ? plan.get("release").asText() : null;
  }

  private static Preparation record(
      Connection connection, String rolloutId, Plan plan, String requestedBy) throws SQLException {
    Jdbc.lockRollout(connection, rolloutId);
    Jdbc.update(
        connection,
        """
        INSERT INTO rollouts (id, plan_name, plan, release, state, current_phase, requested_by,
                              started_at, updated_at)
        VALUES (?, ?, ?::jsonb, ?, 'RUNNING', -1, ?, now(), now())
        ON CONFLICT (id) DO UPDATE SET plan_name = excluded.plan_name, plan = excluded.plan,
          release = excluded.release, requested_by = excluded.requested_by,
          updated_at = excluded.updated_at
        """,
        rolloutId,
        plan.name(),
        PlanJson.write(plan),
        plan.release(),
        requestedBy);
    Population.compute(connection, rolloutId, plan);
    PopulationCounts counts = PopulationCounts.count(connection, rolloutId, plan);
    counts.record(connection, rolloutId);
    return new Preparation(List.of(), plan, counts.phases(), counts.ineligible());
  }
}
