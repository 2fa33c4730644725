package dev.rollout.activities.rollout;

import dev.rollout.activities.assignment.WaveAssigner;
import dev.rollout.activities.gate.Measurer;
import dev.rollout.activities.plan.Preparer;
import dev.rollout.activities.rollback.PhaseRollback;
import dev.rollout.activities.state.StateRecorder;
import dev.rollout.activities.window.WindowCloser;
import dev.rollout.workflows.rollout.CloseWindowRequest;
import dev.rollout.workflows.rollout.MeasureRequest;
import dev.rollout.workflows.rollout.Measurement;
import dev.rollout.workflows.rollout.Preparation;
import dev.rollout.workflows.rollout.PrepareRequest;
import dev.rollout.workflows.rollout.RollbackProgress;
import dev.rollout.workflows.rollout.RollbackRequest;
import dev.rollout.workflows.rollout.RolloutActivities;
import dev.rollout.workflows.rollout.StateChange;
import dev.rollout.workflows.rollout.WaveRequest;
import dev.rollout.workflows.rollout.WaveResult;
import dev.rollout.workflows.rollout.WindowClosure;
import javax.sql.DataSource;

/**
 * The rollout activities over PostgreSQL: a thin facade over one class per feature. Stateless apart
 * from its collaborators, so one instance serves every rollout.
 */
public class RolloutActivitiesImpl implements RolloutActivities {

  private final Preparer preparer;
  private final WaveAssigner assigner;
  private final Measurer measurer;
  private final StateRecorder states;
  private final PhaseRollback rollback;
  private final WindowCloser window;

  /** Production wiring: the definitions module parses plans and judges gates. */
  public RolloutActivitiesImpl(DataSource dataSource) {
    this.preparer = new Preparer(dataSource);
    this.assigner = new WaveAssigner(dataSource);
    this.measurer = new Measurer(dataSource);
    this.states = new StateRecorder(dataSource);
    this.rollback = new PhaseRollback(dataSource);
    this.window = new WindowCloser(dataSource);
  }

  @Override
  public Preparation prepare(PrepareRequest request) {
    return Heartbeats.during(() -> preparer.prepare(request));
  }

  @Override
  public WaveResult assignWave(WaveRequest request) {
    return Heartbeats.during(() -> assigner.assign(request));
  }

  @Override
  public Measurement measure(MeasureRequest request) {
    return measurer.measure(request);
  }

  @Override
  public void recordState(StateChange change) {
    states.record(change);
  }

  @Override
  public RollbackProgress rollBackPhase(RollbackRequest request) {
    return Heartbeats.during(() -> rollback.rollBack(request));
  }

  @Override
  public WindowClosure closeWindow(CloseWindowRequest request) {
    return Heartbeats.during(() -> window.close(request));
  }
}
