package dev.rollout.workflows.rollout;

import java.time.Instant;

/**
 * Persist the rollout's state so the device API (which reads only the store) honours it at once: no
 * offers while PAUSED, AWAITING_APPROVAL or final.
 *
 * @param phaseIndex the current phase, -1 before the first
 */
public record StateChange(
    String rolloutId, RolloutState state, int phaseIndex, String reason, String by, Instant now) {}
