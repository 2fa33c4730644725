package dev.rollout.activities.gate;

import dev.rollout.activities.store.Jdbc;
import dev.rollout.activities.store.Rollouts;
import dev.rollout.definitions.gate.BrakeEvaluator;
import dev.rollout.definitions.gate.GateEvaluator;
import dev.rollout.definitions.gate.GateVerdict;
import dev.rollout.definitions.plan.Phase;
import dev.rollout.definitions.plan.Plan;
import dev.rollout.workflows.rollout.MeasureRequest;
import dev.rollout.workflows.rollout.Measurement;
import javax.sql.DataSource;

/**
 * The measure activity: housekeeping over the whole rollout, then the phase's gate and the
 * fleet-wide brake. A retry repeats no transition (the housekeeping is idempotent) and measures
 * again.
 */
public final class Measurer {

  private final DataSource dataSource;

  public Measurer(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  public Measurement measure(MeasureRequest request) {
    String rolloutId = request.rolloutId();
    return Jdbc.inTransaction(
        dataSource,
        connection -> {
          Plan plan = Rollouts.plan(connection, rolloutId);
          Rollouts.checkPhase(plan, rolloutId, request.phaseIndex());
          Phase phase = plan.phases().get(request.phaseIndex());
          Jdbc.lockRollout(connection, rolloutId);
          long timedOut =
              Housekeeping.timeOut(connection, rolloutId, plan.devicePolicy(), request.now());
          long quarantined =
              Housekeeping.quarantine(connection, rolloutId, plan.devicePolicy(), request.now());
          Counting.Counts counts =
              Counting.count(connection, rolloutId, request.phaseIndex(), phase.gate());
          GateVerdict gate =
              GateEvaluator.evaluate(phase.gate(), counts.phase(), request.soakEnded());
          GateVerdict brake = BrakeEvaluator.evaluate(plan.rollback(), counts.rollout());
          return new Measurement(
              counts.phase(), gate, counts.rollout(), brake, timedOut, quarantined);
        });
  }
}
