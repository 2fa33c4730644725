package dev.rollout.worker.mgmt.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class AccessRulesTest {

  @Test
  void readingIsForViewersAndSteeringForOperators() {
    assertThat(role("GET", "/mgmt/v1/rollouts/rollout-a")).isEqualTo(Role.VIEWER);
    assertThat(role("GET", "/mgmt/v1/fleet")).isEqualTo(Role.VIEWER);
    assertThat(role("POST", "/mgmt/v1/rollouts")).isEqualTo(Role.OPERATOR);
    assertThat(role("POST", "/mgmt/v1/rollouts/rollout-a/pause")).isEqualTo(Role.OPERATOR);
    assertThat(role("POST", "/mgmt/v1/releases")).isEqualTo(Role.OPERATOR);
    assertThat(role("POST", "/mgmt/v1/support/r/d/release")).isEqualTo(Role.OPERATOR);
    assertThat(role("PUT", "/mgmt/v1/plans/p")).isEqualTo(Role.OPERATOR);
  }

  @Test
  void keysPolicyImportAndTokensAreForAdmins() {
    assertThat(role("POST", "/mgmt/v1/keys")).isEqualTo(Role.ADMIN);
    assertThat(role("DELETE", "/mgmt/v1/keys/k1")).isEqualTo(Role.ADMIN);
    assertThat(role("PUT", "/mgmt/v1/policy")).isEqualTo(Role.ADMIN);
    assertThat(role("POST", "/mgmt/v1/devices/import")).isEqualTo(Role.ADMIN);
    assertThat(role("GET", "/mgmt/v1/tokens")).isEqualTo(Role.ADMIN);
    assertThat(role("DELETE", "/mgmt/v1/tokens/alice")).isEqualTo(Role.ADMIN);
  }

  @Test
  void anythingUnlistedNeedsAnAdmin() {
    assertThat(role("POST", "/mgmt/v1/releases/2.4.0/whatever")).isEqualTo(Role.ADMIN);
    assertThat(role("PATCH", "/mgmt/v1/rollouts/a")).isEqualTo(Role.ADMIN);
    assertThat(role("DELETE", "/mgmt/v1/rollouts/a")).isEqualTo(Role.ADMIN);
    assertThat(role("HEAD", "/mgmt/v1/fleet")).isEqualTo(Role.ADMIN);
  }

  @Test
  void onlyTheOpenApiDocumentIsOpen() {
    assertThat(AccessRules.required("GET", "/mgmt/v1/openapi.json"))
        .isInstanceOf(AccessRules.Open.class);
    assertThat(AccessRules.required("POST", "/mgmt/v1/openapi.json"))
        .isNotInstanceOf(AccessRules.Open.class);
  }

  @Test
  void rolesAreOrdered() {
    assertThat(Role.ADMIN.covers(Role.OPERATOR)).isTrue();
    assertThat(Role.OPERATOR.covers(Role.VIEWER)).isTrue();
    assertThat(Role.VIEWER.covers(Role.OPERATOR)).isFalse();
    assertThat(Role.OPERATOR.covers(Role.ADMIN)).isFalse();
  }

  /** The document tells clients the role of each operation: it must be the one enforced. */
  @Test
  void theOpenApiDocumentStatesTheRolesTheRulesEnforce() throws Exception {
    JsonNode paths;
    try (InputStream in =
        AccessRulesTest.class.getResourceAsStream("/dev/rollout/worker/mgmt/openapi.json")) {
      paths = new ObjectMapper().readTree(in).path("paths");
    }
    List<String> mismatches = new ArrayList<>();
    int operations = 0;
    for (var path : paths.properties()) {
      for (var operation : path.getValue().properties()) {
        operations++;
        String method = operation.getKey().toUpperCase(Locale.ROOT);
        String concrete = path.getKey().replaceAll("\\{[^}]+}", "x");
        AccessRules.Access access = AccessRules.required(method, concrete);
        String enforced =
            access instanceof AccessRules.Needs needs ? needs.role().wireName() : "none";
        String documented = operation.getValue().path("x-required-role").asText();
        if (!enforced.equals(documented)) {
          mismatches.add(method + " " + path.getKey() + ": " + documented + " vs " + enforced);
        }
      }
    }
    assertThat(operations).isGreaterThan(15);
    assertThat(mismatches).isEmpty();
  }

  private static Role role(String method, String path) {
    return ((AccessRules.Needs) AccessRules.required(method, path)).role();
  }
}
