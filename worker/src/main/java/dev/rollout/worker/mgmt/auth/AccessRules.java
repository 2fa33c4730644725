package dev.rollout.worker.mgmt.auth;

import java.util.List;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Which role each mgmt request needs, by method and path: the one table, first match wins. It ends
 * with a catch-all for admins, so a path nobody listed is closed to all but admins (fail closed).
 */
final class AccessRules {

  /** What a request needs. */
  sealed interface Access permits Open, Needs {}

  /** No token needed. */
  record Open() implements Access {}

  record Needs(Role role) implements Access {}

  /**
   * @param method null: any method
   */
  private record Rule(String method, PathPattern path, Access access) {
    boolean matches(String requestMethod, PathContainer requestPath) {
      return (method == null || method.equals(requestMethod)) && path.matches(requestPath);
    }
  }

  private static final Access VIEWER = new Needs(Role.VIEWER);
  private static final Access OPERATOR = new Needs(Role.OPERATOR);
  private static final Access ADMIN = new Needs(Role.ADMIN);

  static final List<Rule> RULES =
      List.of(
          rule("GET", "/mgmt/v1/openapi.json", new Open()),
          rule(null, "/mgmt/v1/tokens/**", ADMIN),
          rule("GET", "/mgmt/v1/**", VIEWER),
          rule("POST", "/mgmt/v1/rollouts/**", OPERATOR),
          rule("POST", "/mgmt/v1/releases", OPERATOR),
          rule("POST", "/mgmt/v1/support/**", OPERATOR),
          rule("PUT", "/mgmt/v1/plans/**", OPERATOR),
          rule("POST", "/mgmt/v1/keys/**", ADMIN),
          rule("DELETE", "/mgmt/v1/keys/**", ADMIN),
          rule("PUT", "/mgmt/v1/policy", ADMIN),
          rule("POST", "/mgmt/v1/devices/import", ADMIN),
          rule(null, "/**", ADMIN));

  private AccessRules() {}

  static Access required(String method, String path) {
    PathContainer requestPath = PathContainer.parsePath(path);
    for (Rule rule : RULES) {
      if (rule.matches(method, requestPath)) {
        return rule.access();
      }
    }
    return ADMIN; // unreachable: the last rule matches everything
  }

  private static Rule rule(String method, String pattern, Access access) {
    return new Rule(method, PathPatternParser.defaultInstance.parse(pattern), access);
  }
}
