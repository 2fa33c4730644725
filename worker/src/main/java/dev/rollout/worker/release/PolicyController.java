package dev.rollout.worker.release;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.rollout.activities.release.PolicyInput;
import dev.rollout.activities.release.PolicyStore;
import dev.rollout.definitions.policy.VersionPolicy;
import dev.rollout.definitions.version.SemVer;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The fleet-wide version policy (DESIGN.md §5); a PUT replaces all of it. */
@RestController
@RequestMapping("/mgmt/v1/policy")
class PolicyController {

  private final PolicyStore policies;

  PolicyController(PolicyStore policies) {
    this.policies = policies;
  }

  record PolicyBody(
      @JsonProperty("minSupportedVersion") String minSupportedVersion,
      @JsonProperty("serverApiVersion") Integer serverApiVersion,
      @JsonProperty("criticalMigrations") List<String> criticalMigrations) {

    static PolicyBody of(VersionPolicy policy) {
      return new PolicyBody(
          policy.minSupportedVersion().toString(),
          policy.serverApiVersion(),
          policy.criticalMigrations().stream().map(SemVer::toString).toList());
    }
  }

  @GetMapping
  PolicyBody read() {
    return PolicyBody.of(policies.read());
  }

  @PutMapping
  PolicyBody update(@RequestBody PolicyBody body) {
    return ReleaseErrors.mapped(
        () ->
            PolicyBody.of(
                policies.update(
                    new PolicyInput(
                        body.minSupportedVersion(),
                        body.serverApiVersion(),
                        body.criticalMigrations()))));
  }
}
