package dev.rollout.worker.mgmt.rollout;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rollout.activities.mgmt.DryRun;
import dev.rollout.activities.mgmt.RolloutSummary;
import dev.rollout.activities.mgmt.StoredPlans;
import dev.rollout.definitions.plan.Problem;
import dev.rollout.worker.mgmt.auth.Operator;
import dev.rollout.worker.web.ApiException;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Starting, dry-running, listing, watching and steering rollouts. */
@RestController
@RequestMapping("/mgmt/v1/rollouts")
class RolloutsController {

  private final DataSource dataSource;
  private final TemporalRollouts temporal;

  RolloutsController(DataSource dataSource, TemporalRollouts temporal) {
    this.dataSource = dataSource;
    this.temporal = temporal;
  }

  /**
   * Stores the plan under its name and starts workflow {@code rollout-<name>} with {@code
   * {"planName", "requestedBy"}}. A running rollout of that name is left alone (409), its stored
   * plan too. A release that cannot be rolled out is refused like an invalid plan.
   */
  @PostMapping(
      consumes = {
        "application/yaml",
        "application/x-yaml",
        "text/yaml",
        "application/json",
        "text/plain"
      })
  ResponseEntity<Map<String, String>> start(
      @RequestBody String body, @RequestAttribute(Operator.ATTRIBUTE) Operator operator) {
    PlanBody plan = PlanBody.read(body);
    List<Problem> releaseProblems = StoredPlans.releaseProblems(dataSource, plan.plan().release());
    if (!releaseProblems.isEmpty()) {
      throw PlanBody.invalid(releaseProblems);
    }
    String rolloutId = plan.plan().workflowId();
    if (temporal.describe(rolloutId).filter(TemporalRollouts::running).isPresent()) {
      throw TemporalRollouts.exists(rolloutId);
    }
    StoredPlans.store(dataSource, plan.plan().name(), plan.text());
    ObjectNode input = JsonNodeFactory.instance.objectNode();
    input.put("planName", plan.plan().name());
    input.put("requestedBy", operator.name());
    temporal.start(rolloutId, input);
    return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("rolloutId", rolloutId));
  }

  @PostMapping(
      path = "/dry-run",
      consumes = {
        "application/yaml",
        "application/x-yaml",
        "text/yaml",
        "application/json",
        "text/plain"
      })
  DryRun.Report dryRun(@RequestBody String body) {
    PlanBody plan = PlanBody.read(body);
    return DryRun.run(dataSource, plan.plan(), plan.tree());
  }

  @GetMapping
  List<RolloutSummary> list(@RequestParam(defaultValue = "100") int limit) {
    if (limit < 1 || limit > 1000) {
      throw new ApiException(HttpStatus.BAD_REQUEST, "INVALID_REQUEST", "limit: 1 to 1000");
    }
    return RolloutSummary.list(dataSource, limit);
  }

  /** The workflow's {@code status} query. {@code id} may also be the plan's name. */
  @GetMapping("/{id}")
  JsonNode status(@PathVariable String id) {
    return temporal.status(resolve(id).workflowId());
  }

  /** {@code {reason, phase, comment}} → the {@code control} update; {@code by} is the token's. */
  @PostMapping("/{id}/{action}")
  JsonNode control(
      @PathVariable String id,
      @PathVariable String action,
      @RequestBody(required = false) JsonNode body,
      @RequestAttribute(Operator.ATTRIBUTE) Operator operator) {
    ObjectNode request = ControlBody.read(action, body, operator);
    Found rollout = resolve(id);
    if (!TemporalRollouts.running(rollout.status())) {
      throw TemporalRollouts.notApplicable(
          "rollout "
              + rollout.workflowId()
              + " has ended ("
              + TemporalRollouts.describe(rollout.status())
              + ")");
    }
    return temporal.control(rollout.workflowId(), request);
  }

  private record Found(String workflowId, WorkflowExecutionStatus status) {}

  /** The workflow {@code id}, or {@code rollout-<id>} when given a plan's name. */
  private Found resolve(String id) {
    for (String candidate :
        id.startsWith("rollout-") ? List.of(id) : List.of(id, "rollout-" + id)) {
      var status = temporal.describe(candidate);
      if (status.isPresent()) {
        return new Found(candidate, status.get());
      }
    }
    throw new ApiException(HttpStatus.NOT_FOUND, "ROLLOUT_NOT_FOUND", "no rollout " + id);
  }
}
