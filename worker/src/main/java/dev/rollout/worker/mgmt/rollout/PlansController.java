package dev.rollout.worker.mgmt.rollout;

import dev.rollout.activities.mgmt.StoredPlans;
import dev.rollout.definitions.plan.Problem;
import dev.rollout.worker.web.ApiException;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Plans stored by name without starting them, for rollouts started elsewhere (the Temporal UI,
 * another service) with {@code {"planName": ...}}.
 */
@RestController
@RequestMapping("/mgmt/v1/plans")
class PlansController {

  private final DataSource dataSource;

  PlansController(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Validates and stores the plan; the path must name it. */
  @PutMapping(
      path = "/{name}",
      consumes = {
        "application/yaml",
        "application/x-yaml",
        "text/yaml",
        "application/json",
        "text/plain"
      })
  Map<String, String> put(@PathVariable String name, @RequestBody String body) {
    PlanBody plan = PlanBody.read(body);
    if (!plan.plan().name().equals(name)) {
      throw ApiException.invalid(
          "the path names another plan",
          List.of(
              new Problem(
                  "name",
                  "NAME_MISMATCH",
                  "the plan is named '" + plan.plan().name() + "', the path says '" + name + "'")));
    }
    StoredPlans.store(dataSource, name, plan.text());
    return Map.of("name", name, "rolloutId", plan.plan().workflowId());
  }

  /** The plan's text as stored (comments kept). */
  @GetMapping(path = "/{name}", produces = "application/yaml")
  ResponseEntity<String> get(@PathVariable String name) {
    String text =
        StoredPlans.text(dataSource, name)
            .orElseThrow(
                () ->
                    new ApiException(HttpStatus.NOT_FOUND, "NOT_FOUND", "no stored plan " + name));
    return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/yaml")).body(text);
  }
}
