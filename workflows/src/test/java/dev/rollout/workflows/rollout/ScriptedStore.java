package dev.rollout.workflows.rollout;

import dev.rollout.definitions.gate.GateVerdict;
import dev.rollout.definitions.gate.PhaseCounts;
import dev.rollout.definitions.gate.Verdict;
import dev.rollout.definitions.plan.Plan;
import dev.rollout.definitions.plan.Problem;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;

/**
 * An in-memory stand-in for the store, for narrow tests of the workflow's control flow: the test
 * scripts the gate verdicts; the real store is exercised by the activities module's integration
 * tests.
 */
final class ScriptedStore implements RolloutActivities {

  static final long POPULATION = 1000;

  final List<StateChange> states = Collections.synchronizedList(new ArrayList<>());
  final List<Integer> rolledBack = Collections.synchronizedList(new ArrayList<>());
  final Map<Integer, Long> assigned = new ConcurrentHashMap<>();
  volatile Plan plan = TestPlans.fourPhases();
  volatile List<Problem> problems = List.of();
  volatile BiFunction<Integer, Boolean, Verdict> gate =
      (phase, ended) -> ended ? Verdict.PASS : Verdict.INCONCLUSIVE;
  volatile Verdict brake = Verdict.PASS;
  volatile long open = 0;
  volatile CountDownLatch waveGate;
  final CountDownLatch waveStarted = new CountDownLatch(1);

  @Override
  public Preparation prepare(PrepareRequest request) {
    if (!problems.isEmpty()) {
      return Preparation.rejected(problems);
    }
    List<PhasePopulation> phases = new ArrayList<>();
    for (var phase : plan.phases()) {
      long target = (long) Math.ceil(phase.cohort().percent() / 100 * POPULATION);
      phases.add(new PhasePopulation(phase.name(), POPULATION, target));
    }
    return new Preparation(List.of(), plan, phases, Map.of("ALREADY_CURRENT", 3L));
  }

  @Override
  public WaveResult assignWave(WaveRequest request) {
    awaitWaveGate();
    long target =
        (long)
            Math.ceil(
                plan.phases().get(request.phaseIndex()).cohort().percent() / 100 * POPULATION);
    long before = assigned.values().stream().mapToLong(Long::longValue).sum();
    long now = Math.min(request.limit(), Math.max(0, target - before));
    assigned.merge(request.phaseIndex(), now, Long::sum);
    return new WaveResult(now, before + now, target - before - now);
  }

  private void awaitWaveGate() {
    waveStarted.countDown();
    CountDownLatch latch = waveGate;
    if (latch != null) {
      try {
        latch.await(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public Measurement measure(MeasureRequest request) {
    long n = assigned.getOrDefault(request.phaseIndex(), 0L);
    PhaseCounts phase = new PhaseCounts(n, 0, 0, 0, n, 0, 0, 0, 0, 0, 0, 0, 0, null);
    PhaseCounts rollout = new PhaseCounts(n, open, 0, 0, n, 0, 0, 0, 0, 0, 0, 0, 0, null);
    Verdict verdict = gate.apply(request.phaseIndex(), request.soakEnded());
    return new Measurement(
        phase,
        new GateVerdict(verdict, List.of("scripted " + verdict), Map.of("completed", n)),
        rollout,
        new GateVerdict(brake, List.of("scripted brake " + brake), Map.of()),
        0,
        0);
  }

  @Override
  public void recordState(StateChange change) {
    states.add(change);
  }

  @Override
  public RollbackProgress rollBackPhase(RollbackRequest request) {
    rolledBack.add(request.phaseIndex());
    return new RollbackProgress(5, 5, 0, 2);
  }

  @Override
  public WindowClosure closeWindow(CloseWindowRequest request) {
    open = 0;
    return new WindowClosure(Map.of("OFFLINE", 4L, "PREFLIGHT_NOT_MET", 2L));
  }

  List<RolloutState> stateHistory() {
    synchronized (states) {
      return states.stream().map(StateChange::state).toList();
    }
  }
}
