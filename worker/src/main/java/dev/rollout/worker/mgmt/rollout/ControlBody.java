package dev.rollout.worker.mgmt.rollout;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rollout.definitions.plan.Problem;
import dev.rollout.worker.mgmt.Bodies;
import dev.rollout.worker.mgmt.auth.Operator;
import dev.rollout.worker.web.ApiException;
import java.util.ArrayList;
import java.util.List;

/**
 * The body of {@code POST /mgmt/v1/rollouts/{id}/{action}} turned into the {@code control} update's
 * request: the action from the path, {@code by} from the token, never from the body.
 */
final class ControlBody {

  static final List<String> ACTIONS = List.of("pause", "resume", "abort", "rollback", "approve");
  private static final List<String> FIELDS = List.of("reason", "phase", "comment");

  private ControlBody() {}

  static ObjectNode read(String action, JsonNode body, Operator operator) {
    List<Problem> problems = new ArrayList<>();
    if (!ACTIONS.contains(action)) {
      problems.add(new Problem("action", "UNKNOWN_ACTION", "one of " + ACTIONS));
    }
    Bodies.onlyFields(body, FIELDS, problems);
    ObjectNode request = JsonNodeFactory.instance.objectNode();
    request.put("action", action);
    request.put("by", operator.name());
    for (String field : FIELDS) {
      String value = Bodies.optionalText(body, field, problems);
      if (value != null) {
        request.put(field, value);
      }
    }
    if (!problems.isEmpty()) {
      throw ApiException.invalid("the " + action + " request is invalid", problems);
    }
    return request;
  }
}
