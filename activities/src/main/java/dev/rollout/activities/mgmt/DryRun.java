package dev.rollout.activities.mgmt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rollout.activities.plan.Preparer;
import dev.rollout.definitions.plan.Phase;
import dev.rollout.definitions.plan.Plan;
import dev.rollout.definitions.plan.Problem;
import dev.rollout.workflows.rollout.PhasePopulation;
import dev.rollout.workflows.rollout.Preparation;
import dev.rollout.workflows.rollout.PrepareRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * What a plan would do against the current fleet, changing nothing: the real prepare activity runs
 * in a transaction that is rolled back (population per phase, ineligible devices by reason, the
 * release check), and the duration is estimated from the rate and the soaks.
 */
public final class DryRun {

  private DryRun() {}

  /**
   * The report.
   *
   * @param releaseProblems the release check (unknown release, too new for this server, ...); empty
   *     when the release can be rolled out. With problems, no population is computed.
   * @param estimatedDuration ISO-8601: assignment at the plan's rate plus every soak, assuming
   *     every gate passes at the end of its soak and approvals come at once
   */
  public record Report(
      String plan,
      String release,
      List<Problem> releaseProblems,
      List<PhaseEstimate> phases,
      Map<String, Long> ineligible,
      String estimatedDuration) {

    public Report {
      releaseProblems = List.copyOf(releaseProblems);
      phases = List.copyOf(phases);
      ineligible = Map.copyOf(ineligible);
    }
  }

  /**
   * @param newDevices devices this phase adds to those assigned by earlier phases (an estimate:
   *     nested cohorts assumed)
   * @param assignFor ISO-8601: offering them at the plan's rate
   */
  public record PhaseEstimate(
      String name,
      long population,
      long target,
      long newDevices,
      String assignFor,
      String soak,
      String approval) {}

  /** {@code plan} must be the tree of a plan that {@code PlanParser} accepted. */
  public static Report run(DataSource dataSource, Plan plan, JsonNode planTree) {
    ObjectNode input = JsonNodeFactory.instance.objectNode();
    input.set("plan", planTree);
    input.put("requestedBy", "dry-run");
    String rolloutId = "dry-run-" + UUID.randomUUID();
    Preparation preparation =
        new Preparer(RollbackOnly.wrap(dataSource)).prepare(new PrepareRequest(rolloutId, input));
    List<PhaseEstimate> phases = new ArrayList<>();
    Duration total = Duration.ZERO;
    long assigned = 0;
    for (int i = 0; i < preparation.phases().size(); i++) {
      PhasePopulation population = preparation.phases().get(i);
      Phase phase = plan.phases().get(i);
      long added = Math.max(0, population.target() - assigned);
      Duration assignFor = RateEstimate.assignFor(plan.rate(), assigned, added);
      assigned += added;
      total = total.plus(assignFor).plus(phase.soak());
      phases.add(
          new PhaseEstimate(
              phase.name(),
              population.population(),
              population.target(),
              added,
              assignFor.toString(),
              phase.soak().toString(),
              phase.approval().spelling()));
    }
    return new Report(
        plan.name(),
        plan.release(),
        preparation.problems(),
        phases,
        preparation.ineligible(),
        total.toString());
  }
}
