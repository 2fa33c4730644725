package dev.rollout.activities.rollout;

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

/** The rollout activities over PostgreSQL. (Being written.) */
public class RolloutActivitiesImpl implements RolloutActivities {

  private final DataSource dataSource;

  public RolloutActivitiesImpl(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public Preparation prepare(PrepareRequest request) {
    throw new UnsupportedOperationException("TODO " + dataSource);
  }

  @Override
  public WaveResult assignWave(WaveRequest request) {
    throw new UnsupportedOperationException("TODO");
  }

  @Override
  public Measurement measure(MeasureRequest request) {
    throw new UnsupportedOperationException("TODO");
  }

  @Override
  public void recordState(StateChange change) {
    throw new UnsupportedOperationException("TODO");
  }

  @Override
  public RollbackProgress rollBackPhase(RollbackRequest request) {
    throw new UnsupportedOperationException("TODO");
  }

  @Override
  public WindowClosure closeWindow(CloseWindowRequest request) {
    throw new UnsupportedOperationException("TODO");
  }
}
