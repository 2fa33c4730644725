package dev.rollout.workflows.rollout;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * @param rolloutId the workflow id
 * @param input the workflow input exactly as received: {@code {"plan": {...}, "requestedBy":
 *     "alice"}} or {@code {"planName": "...", "requestedBy": "alice"}}; anything else is reported
 *     as problems
 */
public record PrepareRequest(String rolloutId, JsonNode input) {}
