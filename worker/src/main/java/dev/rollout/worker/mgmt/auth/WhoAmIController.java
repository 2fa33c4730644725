package dev.rollout.worker.mgmt.auth;

import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RestController;

/** Who the token is: the dashboard shows only the controls the role may use. */
@RestController
class WhoAmIController {

  @GetMapping("/mgmt/v1/whoami")
  Map<String, String> whoami(@RequestAttribute(Operator.ATTRIBUTE) Operator operator) {
    return Map.of("name", operator.name(), "role", operator.role().wireName());
  }
}
