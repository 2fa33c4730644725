package dev.rollout.worker.mgmt;

import static dev.rollout.worker.mgmt.MgmtHttp.call;
import static dev.rollout.worker.mgmt.MgmtHttp.get;
import static dev.rollout.worker.mgmt.MgmtHttp.postJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rollout.activities.store.Jdbc;
import dev.rollout.activities.testing.Fleet;
import dev.rollout.activities.testing.FleetSpec;
import dev.rollout.activities.testing.Releases;
import dev.rollout.worker.EngineTest;
import dev.rollout.worker.config.RolloutProperties;
import dev.rollout.worker.mgmt.MgmtHttp.Answer;
import dev.rollout.worker.mgmt.auth.OperatorTokens;
import dev.rollout.worker.mgmt.auth.Role;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/** The mgmt API over real HTTP against the running engine (Temporal, PostgreSQL). */
class MgmtApiIT extends EngineTest {

  static final String PLAN =
      """
      apiVersion: rollout/v1
      name: %s
      release: %s
      target: {hardwareModels: [%s]}
      rate: {maxPerMinute: 5}
      phases:
        - {name: first, cohort: {percent: 10}, soak: 1h}
        - {name: everyone, cohort: {percent: 100}, soak: 2h, approval: manual}
      """;

  @Autowired OperatorTokens tokens;
  @Autowired RolloutProperties properties;

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping handlers;

  String viewer;
  String operator;
  String admin;

  @BeforeEach
  void tokens() throws Exception {
    String suffix = Long.toString(System.nanoTime());
    viewer = tokens.issue("api-viewer-" + suffix, Role.VIEWER).orElseThrow();
    operator = tokens.issue("api-operator-" + suffix, Role.OPERATOR).orElseThrow();
    admin = Files.readString(properties.dataDir().resolve("admin-token")).strip();
  }

  @Test
  void theBootstrapAdminTokenIsWrittenOwnerOnlyAndWorks() throws Exception {
    Path file = properties.dataDir().resolve("admin-token");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    Answer answer = get(url("/mgmt/v1/tokens"), admin);
    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.body().findValuesAsText("name")).contains("admin");
  }

  @Test
  void aRequestWithoutATokenOrWithAnUnknownOneIsUnauthenticated() {
    Answer none = get(url("/mgmt/v1/fleet"), null);
    Answer unknown = get(url("/mgmt/v1/fleet"), "rt_not-a-token");
    Answer unmapped = postJson(url("/mgmt/v1/nothing-here"), null, "{}");

    assertThat(none.status()).isEqualTo(401);
    assertThat(none.body().path("code").asText()).isEqualTo("UNAUTHENTICATED");
    assertThat(unknown.status()).isEqualTo(401);
    assertThat(unmapped.status()).isEqualTo(401);
  }

  @Test
  void aRevokedTokenIsUnauthenticated() {
    String name = "api-temp-" + System.nanoTime();
    Answer issued =
        postJson(
            url("/mgmt/v1/tokens"), admin, "{\"name\": \"" + name + "\", \"role\": \"viewer\"}");
    assertThat(issued.status()).isEqualTo(201);
    String token = issued.body().path("token").asText();
    assertThat(get(url("/mgmt/v1/fleet"), token).status()).isEqualTo(200);

    assertThat(call(url("/mgmt/v1/tokens/" + name), "DELETE", admin, null, null).status())
        .isEqualTo(204);

    assertThat(get(url("/mgmt/v1/fleet"), token).status()).isEqualTo(401);
    Answer again =
        postJson(
            url("/mgmt/v1/tokens"), admin, "{\"name\": \"" + name + "\", \"role\": \"viewer\"}");
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.body().path("code").asText()).isEqualTo("TOKEN_EXISTS");
  }

  @Test
  void rolesAreEnforcedAndTheAnswerNamesTheRoleNeeded() {
    Answer viewerPauses = postJson(url("/mgmt/v1/rollouts/rollout-any/pause"), viewer, "{}");
    Answer operatorRegistersKey =
        postJson(url("/mgmt/v1/keys"), operator, "{\"product\": \"x\", \"publicKeyPem\": \"y\"}");
    Answer operatorIssuesToken =
        postJson(url("/mgmt/v1/tokens"), operator, "{\"name\": \"x\", \"role\": \"admin\"}");
    Answer operatorEditsPlaybook =
        call(url("/mgmt/v1/playbook/TIMEOUT"), "PUT", operator, "application/json", "{}");
    Answer operatorUnlisted = call(url("/mgmt/v1/whatever"), "PATCH", operator, null, null);

    assertThat(viewerPauses.status()).isEqualTo(403);
    assertThat(viewerPauses.body().path("code").asText()).isEqualTo("FORBIDDEN");
    assertThat(viewerPauses.body().path("message").asText()).contains("operator role");
    assertThat(operatorRegistersKey.status()).isEqualTo(403);
    assertThat(operatorRegistersKey.body().path("message").asText()).contains("admin role");
    assertThat(operatorIssuesToken.status()).isEqualTo(403);
    assertThat(operatorEditsPlaybook.status()).isEqualTo(403);
    assertThat(operatorUnlisted.status()).isEqualTo(403);
    assertThat(get(url("/mgmt/v1/playbook"), viewer).status()).isEqualTo(200);
  }

  @Test
  void theOpenApiDocumentIsReadableWithoutAToken() {
    Answer answer = get(url("/mgmt/v1/openapi.json"), null);

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.body().path("openapi").asText()).startsWith("3.");
  }

  @Test
  void theOpenApiDocumentCoversEveryMappedMgmtEndpoint() {
    JsonNode paths = get(url("/mgmt/v1/openapi.json"), null).body().path("paths");
    List<String> missing = new ArrayList<>();
    handlers
        .getHandlerMethods()
        .keySet()
        .forEach(
            info -> {
              for (String pattern : info.getPatternValues()) {
                for (var method : info.getMethodsCondition().getMethods()) {
                  if (pattern.startsWith("/mgmt/v1")
                      && paths
                          .path(pattern)
                          .path(method.name().toLowerCase(Locale.ROOT))
                          .isMissingNode()) {
                    missing.add(method + " " + pattern);
                  }
                }
              }
            });
    assertThat(missing).isEmpty();
  }

  @Test
  void anInvalidPlanIsRefusedWithEveryProblemAndNothingIsStored() throws Exception {
    String plan =
        """
        apiVersion: rollout/v1
        name: Bad_Name
        release: 2.4.0
        phases:
          - {name: first, cohort: {percent: 150}, soak: 1h, gaet: {}}
        """;
    long plans = count("SELECT count(*) FROM plans");

    Answer answer = call(url("/mgmt/v1/rollouts"), "POST", operator, "application/yaml", plan);

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.body().path("code").asText()).isEqualTo("INVALID_PLAN");
    assertThat(answer.body().path("problems").findValuesAsText("path"))
        .contains("name", "phases[0].cohort.percent", "phases[0].gaet");
    assertThat(count("SELECT count(*) FROM plans")).isEqualTo(plans);
  }

  @Test
  void aPlanWhoseReleaseCannotBeRolledOutIsRefusedBeforeAnythingStarts() {
    long plans = count("SELECT count(*) FROM plans");

    Answer answer =
        call(
            url("/mgmt/v1/rollouts"),
            "POST",
            operator,
            "application/yaml",
            PLAN.formatted("api-no-release", "77.7.7", "mz-100"));

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.body().path("code").asText()).isEqualTo("INVALID_PLAN");
    assertThat(answer.body().path("problems").findValuesAsText("code")).contains("UNKNOWN_RELEASE");
    assertThat(count("SELECT count(*) FROM plans")).isEqualTo(plans);
    assertThat(get(url("/mgmt/v1/rollouts/rollout-api-no-release"), viewer).status())
        .isEqualTo(404);
  }

  @Test
  void startStatusPauseAndResumeThroughTheApi() {
    Fleet.seed(
        dataSource,
        FleetSpec.of(50)
            .withIdPrefix("api-run-")
            .withHardwareModels("ma-100")
            .withVersion("40.0.0"));
    Releases.register(dataSource, "41.0.0", "ma-100");
    String plan = PLAN.formatted("api-run", "41.0.0", "ma-100");

    Answer started = call(url("/mgmt/v1/rollouts"), "POST", operator, "application/yaml", plan);
    assertThat(started.status()).isEqualTo(201);
    assertThat(started.body().path("rolloutId").asText()).isEqualTo("rollout-api-run");
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> "first".equals(status("rollout-api-run").path("currentPhase").asText()));
    Answer again = call(url("/mgmt/v1/rollouts"), "POST", operator, "application/yaml", plan);
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.body().path("code").asText()).isEqualTo("ROLLOUT_EXISTS");

    Answer notPaused = postJson(url("/mgmt/v1/rollouts/rollout-api-run/resume"), operator, "{}");
    assertThat(notPaused.status()).isEqualTo(409);
    assertThat(notPaused.body().path("code").asText()).isEqualTo("ACTION_NOT_APPLICABLE");
    assertThat(notPaused.body().path("message").asText()).contains("not paused");

    Answer paused =
        postJson(
            url("/mgmt/v1/rollouts/api-run/pause"), operator, "{\"reason\": \"support spike\"}");
    assertThat(paused.status()).isEqualTo(200);
    assertThat(paused.body().path("state").asText()).isEqualTo("PAUSED");
    assertThat(paused.body().path("pause").path("reason").asText()).isEqualTo("support spike");
    assertThat(paused.body().path("pause").path("by").asText()).startsWith("api-operator-");

    Answer resumed = postJson(url("/mgmt/v1/rollouts/rollout-api-run/resume"), operator, null);
    assertThat(resumed.status()).isEqualTo(200);
    assertThat(resumed.body().path("state").asText()).isEqualTo("RUNNING");

    Answer list = get(url("/mgmt/v1/rollouts"), viewer);
    assertThat(list.status()).isEqualTo(200);
    assertThat(list.body().findValuesAsText("rolloutId")).contains("rollout-api-run");
    assertThat(
            postJson(url("/mgmt/v1/rollouts/rollout-api-run/abort"), operator, "{}")
                .body()
                .path("state")
                .asText())
        .isEqualTo("ABORTED");
    Answer ended = postJson(url("/mgmt/v1/rollouts/rollout-api-run/resume"), operator, "{}");
    assertThat(ended.status()).isEqualTo(409);
  }

  @Test
  void aPlanIsStoredByNameForStartsElsewhere() {
    String plan = PLAN.formatted("api-stored", "1.0.0", "ms-100");

    Answer stored = call(url("/mgmt/v1/plans/api-stored"), "PUT", operator, "text/plain", plan);
    Answer mismatch = call(url("/mgmt/v1/plans/other"), "PUT", operator, "text/plain", plan);
    Answer byViewer = call(url("/mgmt/v1/plans/api-stored"), "PUT", viewer, "text/plain", plan);

    assertThat(stored.status()).isEqualTo(200);
    assertThat(stored.body().path("rolloutId").asText()).isEqualTo("rollout-api-stored");
    assertThat(mismatch.body().path("problems").findValuesAsText("code")).contains("NAME_MISMATCH");
    assertThat(byViewer.status()).isEqualTo(403);
    assertThat(count("SELECT count(*) FROM plans WHERE name = 'api-stored'")).isEqualTo(1);
    assertThat(count("SELECT count(*) FROM plans WHERE name = 'other'")).isZero();
  }

  @Test
  void anUnknownRolloutOrActionIsReported() {
    assertThat(get(url("/mgmt/v1/rollouts/rollout-never-was"), viewer).status()).isEqualTo(404);
    Answer unknown = postJson(url("/mgmt/v1/rollouts/rollout-never-was/pause"), operator, "{}");
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.body().path("code").asText()).isEqualTo("ROLLOUT_NOT_FOUND");
    Answer bad =
        postJson(url("/mgmt/v1/rollouts/rollout-x/explode"), operator, "{\"by\": \"mallory\"}");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.body().path("problems").findValuesAsText("path")).contains("action", "by");
  }

  @Test
  void aDryRunReportsCohortsIneligibleDevicesAndDurationAndChangesNothing() {
    Fleet.seed(
        dataSource,
        FleetSpec.of(100)
            .withIdPrefix("api-dry-")
            .withHardwareModels("md-100")
            .withVersion("41.0.0"));
    Fleet.set(dataSource, "api-dry-0000000", "reported_version", "42.0.0");
    Releases.register(dataSource, "42.0.0", "md-100");
    String plan = PLAN.formatted("api-dry", "42.0.0", "md-100");
    List<Long> before = tableCounts();

    Answer answer =
        call(url("/mgmt/v1/rollouts/dry-run"), "POST", operator, "application/yaml", plan);

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.body().path("releaseProblems")).isEmpty();
    assertThat(answer.body().path("ineligible").path("ALREADY_CURRENT").asLong()).isEqualTo(1);
    assertThat(answer.body().path("phases").get(0).path("population").asLong()).isEqualTo(99);
    assertThat(answer.body().path("phases").get(0).path("target").asLong()).isEqualTo(10);
    assertThat(answer.body().path("phases").get(1).path("newDevices").asLong()).isEqualTo(89);
    // 10 devices at 5/min, 1h soak, 89 devices at 5/min (18 min), 2h soak
    assertThat(answer.body().path("estimatedDuration").asText()).isEqualTo("PT3H20M");
    assertThat(tableCounts()).isEqualTo(before);
    Answer unknownRelease =
        call(
            url("/mgmt/v1/rollouts/dry-run"),
            "POST",
            operator,
            "application/yaml",
            PLAN.formatted("api-dry", "99.0.0", "md-100"));
    assertThat(unknownRelease.body().path("releaseProblems").findValuesAsText("path")).isNotEmpty();
  }

  @Test
  void theFleetCompositionCountsVersionsModelsRegionsAndOnlineDevices() {
    Fleet.seed(
        dataSource,
        FleetSpec.of(30)
            .withIdPrefix("api-fleet-on-")
            .withHardwareModels("mf-100")
            .withRegions("mf-north")
            .withVersion("5.1.0")
            .withLastSeen(Instant.now()));
    Fleet.seed(
        dataSource,
        FleetSpec.of(20)
            .withIdPrefix("api-fleet-off-")
            .withHardwareModels("mf-100")
            .withRegions("mf-north")
            .withVersion("5.0.0")
            .withLastSeen(Instant.now().minus(Duration.ofHours(2))));

    Answer answer = get(url("/mgmt/v1/fleet"), viewer);

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.body().path("byVersionAndModel").toString())
        .contains("{\"version\":\"5.1.0\",\"hardwareModel\":\"mf-100\",\"devices\":30}")
        .contains("{\"version\":\"5.0.0\",\"hardwareModel\":\"mf-100\",\"devices\":20}");
    assertThat(answer.body().path("byRegion").toString())
        .contains("{\"region\":\"mf-north\",\"devices\":50}");
    long total = answer.body().path("total").asLong();
    assertThat(total).isEqualTo(count("SELECT count(*) FROM devices"));
    assertThat(answer.body().path("online").asLong() + answer.body().path("offline").asLong())
        .isEqualTo(total);
    assertThat(answer.body().path("online").asLong()).isGreaterThanOrEqualTo(30);
  }

  @Test
  void theSupportQueueShowsThePlaybookAndADeviceCanBeReleasedFromQuarantine() {
    String rollout = "rollout-api-support";
    quarantine(rollout, "api-sup-1", "BOOT_FAILED");
    quarantine(rollout, "api-sup-2", "NO_SUCH_CODE");

    Answer queue = get(url("/mgmt/v1/support"), viewer);
    assertThat(queue.status()).isEqualTo(200);
    assertThat(entry(queue, "api-sup-1").path("advice").path("cause").asText())
        .contains("did not boot");
    assertThat(entry(queue, "api-sup-2").path("advice").path("errorCode").asText())
        .isEqualTo("DEFAULT");
    String release = "/mgmt/v1/support/" + rollout + "/api-sup-1/release";
    assertThat(postJson(url(release), viewer, null).status()).isEqualTo(403);

    Answer released = postJson(url(release), operator, null);

    assertThat(released.status()).isEqualTo(200);
    assertThat(
            count(
                "SELECT count(*) FROM assignments WHERE device_id = 'api-sup-1'"
                    + " AND outcome = 'PENDING' AND attempts = 0"))
        .isEqualTo(1);
    assertThat(
            count(
                "SELECT count(*) FROM audit WHERE rollout_id = '"
                    + rollout
                    + "'"
                    + " AND event = 'RELEASED_FROM_QUARANTINE' AND actor LIKE 'api-operator-%'"))
        .isEqualTo(1);
    assertThat(get(url("/mgmt/v1/support"), viewer).body().findValuesAsText("deviceId"))
        .doesNotContain("api-sup-1")
        .contains("api-sup-2");
    assertThat(postJson(url(release), operator, null).body().path("code").asText())
        .isEqualTo("NOT_IN_QUEUE");
    // quarantined again later: back in the queue (the released entry stays as history)
    quarantine(rollout, "api-sup-1", "BOOT_FAILED");
    assertThat(get(url("/mgmt/v1/support"), viewer).body().findValuesAsText("deviceId"))
        .contains("api-sup-1");
  }

  @Test
  void thePlaybookListsEveryAgentCodeAndAdminsEditIt() {
    Answer list = get(url("/mgmt/v1/playbook"), viewer);
    assertThat(list.body().findValuesAsText("errorCode"))
        .contains(
            "SIGNATURE_INVALID",
            "UNKNOWN_KEY",
            "WRONG_PRODUCT_KEY",
            "UNSIGNED",
            "HASH_MISMATCH",
            "DOWNLOAD_FAILED",
            "DELTA_FAILED",
            "INSTALL_FAILED",
            "BOOT_FAILED",
            "HEALTH_CHECK_FAILED",
            "SILENT_FALLBACK",
            "TIMEOUT",
            "INCOMPATIBLE_HARDWARE",
            "DEFAULT");

    Answer put =
        call(
            url("/mgmt/v1/playbook/API_TEST_CODE"),
            "PUT",
            admin,
            "application/json",
            "{\"cause\": \"c\", \"nextSteps\": \"n\", \"retryable\": true}");
    Answer invalid =
        call(
            url("/mgmt/v1/playbook/lower"),
            "PUT",
            admin,
            "application/json",
            "{\"cause\": 3, \"retryable\": \"yes\", \"extra\": 1}");

    assertThat(put.status()).isEqualTo(200);
    assertThat(put.body().path("updatedBy").asText()).isEqualTo("admin");
    assertThat(invalid.status()).isEqualTo(400);
    assertThat(invalid.body().path("problems").findValuesAsText("path"))
        .contains("code", "cause", "nextSteps", "retryable", "extra");
  }

  private JsonNode status(String id) {
    return get(url("/mgmt/v1/rollouts/" + id), viewer).body();
  }

  private static JsonNode entry(Answer queue, String deviceId) {
    for (var entry : queue.body()) {
      if (deviceId.equals(entry.path("deviceId").asText())) {
        return entry;
      }
    }
    throw new AssertionError(deviceId + " not in the queue: " + queue.body());
  }

  /** What housekeeping does to a device out of attempts. */
  private void quarantine(String rollout, String device, String code) {
    Jdbc.inTransaction(
        dataSource,
        connection -> {
          Jdbc.update(
              connection,
              """
              INSERT INTO assignments (rollout_id, device_id, phase, target_version, outcome,
                attempts, assigned_at, updated_at, last_error_code)
              VALUES (?, ?, 0, '9.9.9', 'QUARANTINED', 3, now(), now(), ?)
              ON CONFLICT (rollout_id, device_id) DO UPDATE SET outcome = 'QUARANTINED',
                attempts = 3
              """,
              rollout,
              device,
              code);
          return Jdbc.update(
              connection,
              "INSERT INTO support_queue (rollout_id, device_id, reason, error_code, entered_at)"
                  + " VALUES (?, ?, 'MAX_ATTEMPTS', ?, now()) ON CONFLICT DO NOTHING",
              rollout,
              device,
              code);
        });
  }

  private List<Long> tableCounts() {
    return List.of(
        count("SELECT count(*) FROM plans"),
        count("SELECT count(*) FROM rollouts"),
        count("SELECT count(*) FROM rollout_population"),
        count("SELECT count(*) FROM rollout_phases"),
        count("SELECT count(*) FROM assignments"),
        count("SELECT count(*) FROM audit"));
  }

  private long count(String sql) {
    return Jdbc.inTransaction(dataSource, connection -> Jdbc.queryLong(connection, sql));
  }
}
