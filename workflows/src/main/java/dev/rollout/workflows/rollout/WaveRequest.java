package dev.rollout.workflows.rollout;

import java.time.Instant;

/**
 * Assign more devices of a phase. Idempotent: the activity works from what is already assigned, so
 * a retry or a replay never assigns a device twice nor skips one.
 *
 * @param phaseIndex 0-based index into the plan's phases
 * @param limit at most this many new devices in this wave (the rate); Long.MAX_VALUE when unlimited
 */
public record WaveRequest(String rolloutId, int phaseIndex, long limit, Instant now) {}
