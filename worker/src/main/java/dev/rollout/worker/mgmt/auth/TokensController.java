package dev.rollout.worker.mgmt.auth;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rollout.definitions.plan.Problem;
import dev.rollout.worker.mgmt.Bodies;
import dev.rollout.worker.web.ApiException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Issuing, listing and revoking operator tokens (admins only, by {@link AccessRules}). */
@RestController
@RequestMapping("/mgmt/v1/tokens")
class TokensController {

  private final OperatorTokens tokens;

  TokensController(OperatorTokens tokens) {
    this.tokens = tokens;
  }

  /**
   * {@code {"name", "role"}} → 201 {@code {"name", "role", "token"}}: the only time it is shown.
   */
  @PostMapping
  ResponseEntity<Map<String, String>> issue(@RequestBody JsonNode body) {
    List<Problem> problems = new ArrayList<>();
    Bodies.onlyFields(body, List.of("name", "role"), problems);
    String name = Bodies.requiredText(body, "name", problems);
    String roleName = Bodies.requiredText(body, "role", problems);
    if (name != null && !OperatorTokens.NAME.matcher(name).matches()) {
      problems.add(
          new Problem(
              "name",
              "INVALID_NAME",
              "1-64 of A-Z a-z 0-9 . _ @ -, starting with a letter or digit"));
    }
    Optional<Role> role = roleName == null ? Optional.empty() : Role.named(roleName);
    if (roleName != null && role.isEmpty()) {
      problems.add(new Problem("role", "INVALID_ROLE", "one of viewer, operator, admin"));
    }
    if (!problems.isEmpty()) {
      throw ApiException.invalid("the token request is invalid", problems);
    }
    String token =
        tokens
            .issue(name, role.get())
            .orElseThrow(
                () ->
                    new ApiException(
                        HttpStatus.CONFLICT,
                        "TOKEN_EXISTS",
                        "a token named '" + name + "' exists (names are never reused)"));
    return ResponseEntity.status(HttpStatus.CREATED)
        .body(Map.of("name", name, "role", role.get().wireName(), "token", token));
  }

  @GetMapping
  List<OperatorTokens.TokenInfo> list() {
    return tokens.list();
  }

  @DeleteMapping("/{name}")
  ResponseEntity<Void> revoke(@PathVariable String name) {
    if (!tokens.revoke(name)) {
      throw new ApiException(
          HttpStatus.NOT_FOUND, "NOT_FOUND", "no live token named '" + name + "'");
    }
    return ResponseEntity.noContent().build();
  }
}
