package dev.rollout.workflows.rollout;

import dev.rollout.definitions.gate.GateVerdict;

/**
 * One phase in the {@code status} query.
 *
 * @param gate the latest verdict; null before the first measurement
 */
public record PhaseStatus(
    String name,
    PhaseState state,
    long population,
    long target,
    long assigned,
    long succeeded,
    long failed,
    long timedOut,
    long inProgress,
    long pending,
    long deferred,
    GateVerdict gate) {}
