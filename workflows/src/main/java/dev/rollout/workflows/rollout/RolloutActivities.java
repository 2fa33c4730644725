package dev.rollout.workflows.rollout;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/**
 * What the Rollout workflow asks of the store. Every method acts on sets of devices with set-based
 * SQL and is idempotent, so Temporal may retry it freely. Requests carry {@code now} from the
 * workflow clock: timestamps and timeouts follow the rollout's own time (and Temporal's
 * time-skipping tests).
 */
@ActivityInterface
public interface RolloutActivities {

  /**
   * Reads the input leniently (a stored plan by name, or the inline plan), validates it, checks the
   * release against the version policy, records the rollout and computes its population. Problems
   * come back as data.
   */
  @ActivityMethod
  Preparation prepare(PrepareRequest request);

  @ActivityMethod
  WaveResult assignWave(WaveRequest request);

  @ActivityMethod
  Measurement measure(MeasureRequest request);

  @ActivityMethod
  void recordState(StateChange change);

  @ActivityMethod
  RollbackProgress rollBackPhase(RollbackRequest request);

  /** Marks devices that never took the update MISSED, with their reason. */
  @ActivityMethod
  WindowClosure closeWindow(CloseWindowRequest request);
}
