package dev.rollout.worker.mgmt.fleet;

import dev.rollout.activities.mgmt.SupportQueue;
import dev.rollout.worker.mgmt.auth.Operator;
import dev.rollout.worker.web.ApiException;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The support queue with the playbook's advice, and releasing devices from quarantine. */
@RestController
@RequestMapping("/mgmt/v1/support")
class SupportController {

  private final DataSource dataSource;

  SupportController(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @GetMapping
  List<SupportQueue.Entry> queue(@RequestParam(defaultValue = "500") int limit) {
    if (limit < 1 || limit > 10_000) {
      throw new ApiException(HttpStatus.BAD_REQUEST, "INVALID_REQUEST", "limit: 1 to 10000");
    }
    return SupportQueue.open(dataSource, limit);
  }

  /** The device is offered the update again (attempts reset); the audit trail names the token. */
  @PostMapping("/{rolloutId}/{deviceId}/release")
  Map<String, String> release(
      @PathVariable String rolloutId,
      @PathVariable String deviceId,
      @RequestAttribute(Operator.ATTRIBUTE) Operator operator) {
    SupportQueue.Release result =
        SupportQueue.release(dataSource, rolloutId, deviceId, operator.name());
    if (result == SupportQueue.Release.NOT_IN_QUEUE) {
      throw new ApiException(
          HttpStatus.NOT_FOUND,
          "NOT_IN_QUEUE",
          "device " + deviceId + " is not in the support queue of " + rolloutId);
    }
    return Map.of(
        "rolloutId", rolloutId, "deviceId", deviceId, "outcome", "PENDING", "by", operator.name());
  }
}
