package dev.rollout.workflows.rollout;

import dev.rollout.definitions.gate.GateVerdict;
import dev.rollout.definitions.gate.PhaseCounts;

/**
 * @param phase the counts of the phase's assignments
 * @param gate the phase's gate verdict
 * @param brake the fleet-wide brake over all the rollout's assignments: FAIL means roll everything
 *     back
 * @param timedOut devices newly marked TIMED_OUT by this measurement
 * @param quarantined devices newly marked QUARANTINED (and put in the support queue) by this
 *     measurement
 */
public record Measurement(
    PhaseCounts phase,
    GateVerdict gate,
    PhaseCounts rollout,
    GateVerdict brake,
    long timedOut,
    long quarantined) {}
