package dev.rollout.workflows.rollout;

import dev.rollout.definitions.gate.Verdict;
import java.util.Map;

/**
 * What every measurement may carry besides the gate: devices timed out or quarantined, and the
 * brake.
 */
final class Housekeeping {

  private Housekeeping() {}

  static void record(Ledger ledger, Measurement m) {
    if (m.timedOut() > 0 || m.quarantined() > 0) {
      ledger.audit.record(
          "DEVICES_TIMED_OUT_OR_QUARANTINED",
          "housekeeping",
          m.timedOut() + " timed out, " + m.quarantined() + " quarantined",
          Map.of("timedOut", m.timedOut(), "quarantined", m.quarantined()));
    }
  }

  /** The fleet-wide brake: when it engages, everything rolls back. */
  static boolean brakeEngaged(Ledger ledger, Measurement m) {
    if (m.brake().verdict() != Verdict.FAIL
        || ledger.state == RolloutState.ROLLING_BACK
        || ledger.state.isFinal()) {
      return false;
    }
    ledger.startRollback(
        "fleet brake: " + String.join("; ", m.brake().reasons()), "brake", m.brake().inputs());
    return true;
  }
}
