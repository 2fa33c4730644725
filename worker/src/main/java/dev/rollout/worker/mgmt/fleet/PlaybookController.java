package dev.rollout.worker.mgmt.fleet;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rollout.activities.mgmt.Playbook;
import dev.rollout.definitions.plan.Problem;
import dev.rollout.worker.mgmt.Bodies;
import dev.rollout.worker.mgmt.auth.Operator;
import dev.rollout.worker.web.ApiException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The playbook: error code → likely cause → next steps; stored and editable. */
@RestController
@RequestMapping("/mgmt/v1/playbook")
class PlaybookController {

  private static final List<String> FIELDS = List.of("cause", "nextSteps", "retryable");
  private static final int MAX_TEXT = 4000;

  private final DataSource dataSource;

  PlaybookController(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @GetMapping
  List<Playbook.Entry> list() {
    return Playbook.list(dataSource);
  }

  /** {@code {cause, nextSteps, retryable}} creates or replaces the entry for {@code code}. */
  @PutMapping("/{code}")
  Playbook.Entry put(
      @PathVariable String code,
      @RequestBody JsonNode body,
      @RequestAttribute(Operator.ATTRIBUTE) Operator operator) {
    List<Problem> problems = new ArrayList<>();
    if (!Playbook.CODE.matcher(code).matches()) {
      problems.add(
          new Problem("code", "INVALID_CODE", "upper-case letters, digits and _, at most 64"));
    }
    Bodies.onlyFields(body, FIELDS, problems);
    String cause = bounded(Bodies.requiredText(body, "cause", problems), "cause", problems);
    String next = bounded(Bodies.requiredText(body, "nextSteps", problems), "nextSteps", problems);
    boolean retryable = Bodies.requiredBoolean(body, "retryable", problems);
    if (!problems.isEmpty()) {
      throw ApiException.invalid("the playbook entry is invalid", problems);
    }
    return Playbook.put(dataSource, code, cause, next, retryable, operator.name());
  }

  private static String bounded(String text, String field, List<Problem> problems) {
    if (text != null && text.length() > MAX_TEXT) {
      problems.add(new Problem(field, "TOO_LONG", "at most " + MAX_TEXT + " characters"));
    }
    return text;
  }
}
