package dev.rollout.workflows.rollout;

import java.time.Instant;

/**
 * Roll back one phase. Idempotent and resumable: the first call cancels the rollout's pending
 * offers and offers every updated device of the phase its previous version; later calls offer what
 * is still missing and report.
 */
public record RollbackRequest(String rolloutId, int phaseIndex, Instant now) {}
