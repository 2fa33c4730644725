package dev.rollout.workflows.rollout;

/**
 * @param assignedNow devices newly assigned by this call
 * @param assigned devices of the phase's population assigned in this rollout so far (by any phase)
 * @param remaining how many more must be assigned to reach the phase's target (0 when reached)
 */
public record WaveResult(long assignedNow, long assigned, long remaining) {}
