package dev.rollout.workflows.rollout;

import dev.rollout.definitions.gate.GateVerdict;
import dev.rollout.definitions.gate.PhaseCounts;
import java.util.ArrayList;
import java.util.List;

/** The latest known figures of every phase, as the {@code status} query shows them. */
final class PhaseBook {

  private final List<PhaseStatus> phases = new ArrayList<>();

  void restore(List<PhaseStatus> carried) {
    phases.clear();
    phases.addAll(carried);
  }

  void start(Preparation preparation) {
    phases.clear();
    for (PhasePopulation p : preparation.phases()) {
      phases.add(
          new PhaseStatus(
              p.name(), PhaseState.PENDING, p.population(), p.target(), 0, 0, 0, 0, 0, 0, 0, null));
    }
  }

  List<PhaseStatus> all() {
    return List.copyOf(phases);
  }

  PhaseStatus get(int index) {
    return phases.get(index);
  }

  void state(int index, PhaseState state) {
    PhaseStatus p = phases.get(index);
    phases.set(
        index,
        new PhaseStatus(
            p.name(),
            state,
            p.population(),
            p.target(),
            p.assigned(),
            p.succeeded(),
            p.failed(),
            p.timedOut(),
            p.inProgress(),
            p.pending(),
            p.deferred(),
            p.gate()));
  }

  void measured(int index, PhaseCounts c, GateVerdict gate) {
    PhaseStatus p = phases.get(index);
    phases.set(
        index,
        new PhaseStatus(
            p.name(),
            p.state(),
            p.population(),
            p.target(),
            c.assigned(),
            c.succeeded(),
            c.failed() + c.quarantined(),
            c.timedOut(),
            c.inProgress(),
            c.pending(),
            c.deferred(),
            gate));
  }
}
