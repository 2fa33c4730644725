package dev.rollout.workflows.rollout;

import java.time.Instant;

/**
 * Measure a phase: first the per-device housekeeping (TIMED_OUT after inProgressTimeout,
 * QUARANTINED after maxAttempts), then the gate over the phase and the fleet-wide brake over the
 * whole rollout.
 *
 * @param soakEnded whether the soak (or its extension) is over: only then can the gate pass
 */
public record MeasureRequest(String rolloutId, int phaseIndex, boolean soakEnded, Instant now) {}
