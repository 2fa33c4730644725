package dev.rollout.activities.rollout;

import dev.rollout.activities.testing.Outcomes;
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
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;

/**
 * The real store, with devices that answer at once: after each wave, the newly assigned devices of
 * a phase report their outcome as scripted, written into the store as the device API would; devices
 * offered a rollback take it.
 */
final class SimulatedFleet implements RolloutActivities {

  /**
   * @param failShare of each wave, the share that fails
   * @param silentShare of each wave, the share that never answers
   * @param deferred of each wave, how many defer (preflight not met) instead of answering
   */
  record Behaviour(double failShare, double silentShare, long deferred) {
    static final Behaviour HEALTHY = new Behaviour(0, 0, 0);
  }

  private final RolloutActivities store;
  private final DataSource db;
  private final Map<Integer, Behaviour> phases = new ConcurrentHashMap<>();
  volatile boolean takesRollbacks = true;

  SimulatedFleet(RolloutActivities store, DataSource db) {
    this.store = store;
    this.db = db;
  }

  SimulatedFleet phase(int index, Behaviour behaviour) {
    phases.put(index, behaviour);
    return this;
  }

  @Override
  public WaveResult assignWave(WaveRequest request) {
    WaveResult result = store.assignWave(request);
    Behaviour b = phases.getOrDefault(request.phaseIndex(), Behaviour.HEALTHY);
    long fresh = result.assignedNow();
    long deferred = Math.min(b.deferred(), fresh);
    long answering = Math.round((fresh - deferred) * (1 - b.silentShare()));
    long failing = Math.round(answering * b.failShare());
    Outcomes.defer(db, request.rolloutId(), request.phaseIndex(), deferred, "battery below 30%");
    Outcomes.complete(db, request.rolloutId(), request.phaseIndex(), answering - failing, failing);
    return result;
  }

  @Override
  public RollbackProgress rollBackPhase(RollbackRequest request) {
    RollbackProgress progress = store.rollBackPhase(request);
    if (takesRollbacks && !progress.done()) {
      Outcomes.rollBackOffered(
          db, request.rolloutId(), request.phaseIndex(), progress.offered(), 0);
    }
    return progress;
  }

  @Override
  public Preparation prepare(PrepareRequest request) {
    return store.prepare(request);
  }

  @Override
  public Measurement measure(MeasureRequest request) {
    return store.measure(request);
  }

  @Override
  public void recordState(StateChange change) {
    store.recordState(change);
  }

  @Override
  public WindowClosure closeWindow(CloseWindowRequest request) {
    return store.closeWindow(request);
  }
}
