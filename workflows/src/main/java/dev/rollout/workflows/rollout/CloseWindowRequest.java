package dev.rollout.workflows.rollout;

import java.time.Instant;

public record CloseWindowRequest(String rolloutId, Instant now) {}
