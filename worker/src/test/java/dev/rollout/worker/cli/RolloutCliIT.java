package dev.rollout.worker.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.rollout.activities.testing.Fleet;
import dev.rollout.activities.testing.FleetSpec;
import dev.rollout.activities.testing.Releases;
import dev.rollout.worker.EngineTest;
import dev.rollout.worker.FreePorts;
import dev.rollout.worker.mgmt.auth.OperatorTokens;
import dev.rollout.worker.mgmt.auth.Role;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import picocli.CommandLine;

/** Every mgmt command of the CLI against the running engine, as an operator would run them. */
class RolloutCliIT extends EngineTest {

  static final String PLAN =
      """
      apiVersion: rollout/v1
      name: %s
      release: %s
      target: {hardwareModels: [%s]}
      rate: {maxPerMinute: 6}
      phases:
        - {name: first, cohort: {percent: 10}, soak: 1h}
        - {name: everyone, cohort: {percent: 100}, soak: 1h}
      """;

  @Autowired OperatorTokens tokens;
  @TempDir Path dir;

  String viewer;
  String operator;
  String admin;
  StringWriter out;
  StringWriter err;

  @BeforeEach
  void tokens() {
    String suffix = Long.toString(System.nanoTime());
    viewer = tokens.issue("cli-viewer-" + suffix, Role.VIEWER).orElseThrow();
    operator = tokens.issue("cli-operator-" + suffix, Role.OPERATOR).orElseThrow();
    admin = tokens.issue("cli-admin-" + suffix, Role.ADMIN).orElseThrow();
  }

  @Test
  void startStatusPauseResumeListAndAbortARollout() throws Exception {
    Fleet.seed(
        dataSource,
        FleetSpec.of(60)
            .withIdPrefix("cli-run-")
            .withHardwareModels("mc-100")
            .withVersion("50.0.0"));
    Releases.register(dataSource, "51.0.0", "mc-100");
    Path plan = write("cli-run.yaml", PLAN.formatted("cli-run", "51.0.0", "mc-100"));

    assertThat(run(operator, "start", plan.toString())).isZero();
    assertThat(out.toString()).contains("started rollout-cli-run");
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                run(viewer, "status", "cli-run") == 0 && out.toString().contains("(phase first)"));
    assertThat(out.toString()).contains("first", "[", "assigned", "everyone", "PENDING");

    assertThat(run(operator, "pause", "rollout-cli-run", "--reason", "looks odd")).isZero();
    assertThat(out.toString()).contains("PAUSED", "paused by cli-operator-", "looks odd");
    assertThat(run(operator, "resume", "cli-run")).isZero();
    assertThat(out.toString()).contains("RUNNING");
    assertThat(run(operator, "resume", "cli-run")).isEqualTo(1);
    assertThat(err.toString().strip())
        .startsWith("rollout: ACTION_NOT_APPLICABLE: ")
        .contains("not paused")
        .doesNotContain("\n");
    assertThat(run(viewer, "pause", "cli-run")).isEqualTo(1);
    assertThat(err.toString()).contains("FORBIDDEN", "operator role");
    assertThat(run(viewer, "list")).isZero();
    assertThat(out.toString()).contains("rollout-cli-run", "51.0.0", "RUNNING", "cli-operator-");

    StringWriter watched = new StringWriter();
    CompletableFuture<Integer> watch =
        CompletableFuture.supplyAsync(
            () ->
                cli(watched, new StringWriter())
                    .execute(server(viewer, "status", "cli-run", "--watch", "--interval", "1")));
    await().atMost(Duration.ofSeconds(30)).until(() -> watched.toString().contains("RUNNING"));
    assertThat(run(operator, "abort", "cli-run", "--reason", "test over")).isZero();
    assertThat(watch.get()).isZero();
    assertThat(watched.toString()).contains("RUNNING", "ABORTED");
  }

  @Test
  void aDryRunPrintsCohortsAndDurationAndAnInvalidPlanExitsTwo() throws Exception {
    Fleet.seed(
        dataSource,
        FleetSpec.of(40)
            .withIdPrefix("cli-dry-")
            .withHardwareModels("mc-200")
            .withVersion("50.0.0"));
    Releases.register(dataSource, "52.0.0", "mc-200");

    assertThat(
            run(
                operator,
                "dry-run",
                write("d.yaml", PLAN.formatted("cli-dry", "52.0.0", "mc-200")).toString()))
        .isZero();
    assertThat(out.toString())
        .contains(
            "PHASE", "first", "40", "everyone", "estimated duration: 2h 7m", "release check: ok");

    assertThat(
            run(
                operator,
                "dry-run",
                write("u.yaml", PLAN.formatted("cli-dry", "99.9.9", "mc-200")).toString()))
        .isEqualTo(2);
    assertThat(out.toString()).contains("release check: refused");

    Path invalid = write("bad.yaml", "apiVersion: rollout/v1\nname: BAD\nphases: []\n");
    assertThat(run(operator, "start", invalid.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("INVALID_PLAN", "  name: ", "  release: ");
    assertThat(run(operator, "start", dir.resolve("missing.yaml").toString())).isEqualTo(2);
    assertThat(err.toString()).contains("no such file");
  }

  @Test
  void fleetSupportAndTokensCommandsAnswer() {
    Fleet.seed(dataSource, FleetSpec.of(5).withIdPrefix("cli-fleet-").withHardwareModels("mc-300"));

    assertThat(run(viewer, "fleet")).isZero();
    assertThat(out.toString()).contains("VERSION", "HARDWARE", "mc-300", "REGION", "online");
    assertThat(run(viewer, "support")).isZero();
    assertThat(run(operator, "support", "release", "rollout-none", "dev-none")).isEqualTo(1);
    assertThat(err.toString()).contains("NOT_IN_QUEUE");

    String name = "cli-made-" + System.nanoTime();
    assertThat(run(admin, "tokens", "create", "--name", name, "--role", "viewer")).isZero();
    String token = out.toString().strip();
    assertThat(token).startsWith("rt_");
    assertThat(run(token, "fleet")).isZero();
    assertThat(run(admin, "tokens", "list")).isZero();
    assertThat(out.toString()).contains(name, "viewer");
    assertThat(run(admin, "tokens", "revoke", name)).isZero();
    assertThat(run(token, "fleet")).isEqualTo(1);
    assertThat(err.toString()).contains("UNAUTHENTICATED");
    assertThat(run(operator, "tokens", "create", "--name", "x", "--role", "admin")).isEqualTo(1);
  }

  @Test
  void theReleasePipelineAndDeviceImportRunThroughTheCli() throws Exception {
    String product = "cli-line-" + System.nanoTime() % 100_000;
    Path keys = dir.resolve("keys");
    Path image = write("fw.bin", "firmware 60.1.0 ".repeat(4096));
    Path manifest = dir.resolve("60.1.0.manifest.json");

    assertThat(offline("keys", "generate", "--product", product, "--out", keys.toString()))
        .isZero();
    String keyId = out.toString().strip();
    assertThat(
            offline(
                "release",
                "sign",
                "--key",
                keys.resolve(product + ".key").toString(),
                "--product",
                product,
                "--version",
                "60.1.0",
                "--models",
                "mc-400",
                "--artifact",
                image.toString(),
                "--out",
                manifest.toString()))
        .isZero();
    String pub = keys.resolve(product + ".pub").toString();
    assertThat(run(operator, "keys", "register", "--product", product, "--public-key", pub))
        .as("an operator cannot register keys")
        .isEqualTo(1);
    assertThat(err.toString()).contains("FORBIDDEN");
    assertThat(run(admin, "keys", "register", "--product", product, "--public-key", pub)).isZero();
    assertThat(run(viewer, "keys", "list")).isZero();
    assertThat(out.toString()).contains(keyId, product);

    assertThat(
            run(
                operator,
                "release",
                "register",
                "--manifest",
                manifest.toString(),
                "--artifact",
                image.toString()))
        .isZero();
    assertThat(run(viewer, "release", "list")).isZero();
    assertThat(out.toString()).contains("60.1.0", product);
    Path tampered = write("tampered.bin", "firmware 60.1.0 ".repeat(4095) + "firmware 66.6.6 ");
    assertThat(
            run(
                operator,
                "release",
                "register",
                "--manifest",
                manifest.toString(),
                "--artifact",
                tampered.toString()))
        .isEqualTo(1);
    assertThat(err.toString()).contains("HASH_MISMATCH");
    assertThat(run(admin, "keys", "revoke", keyId)).isZero();

    Path csv =
        write(
            "fleet.csv",
            "id,hardwareModel,region,version,tags\n"
                + "cli-dev-1,mc-400,eu-west,60.0.0,internal=true\n"
                + "cli-dev-2,mc-400,us-east,60.0.0,segment=low-risk;ring=b\n");
    Path tokensOut = dir.resolve("tokens.csv");
    assertThat(
            run(admin, "devices", "import", csv.toString(), "--tokens-out", tokensOut.toString()))
        .isZero();
    assertThat(Files.readString(tokensOut)).contains("cli-dev-1", "cli-dev-2");
    Path broken =
        write("broken.csv", "id,hardwareModel,region,version,tags\nx,mc-400,eu,not-a-version,\n");
    assertThat(run(admin, "devices", "import", broken.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("version");
  }

  @Test
  void anUnreachableServerExitsThree() {
    int closed = FreePorts.find();
    CommandLine cli = cli(out = new StringWriter(), err = new StringWriter());

    int status = cli.execute("list", "--server", "http://127.0.0.1:" + closed, "--token", "t");

    assertThat(status).isEqualTo(3);
    assertThat(err.toString()).contains("cannot reach the server");
  }

  @Test
  void aBadServerUrlOrAMissingArgumentIsAUsageError() {
    assertThat(
            cli(out = new StringWriter(), err = new StringWriter())
                .execute("list", "--server", "ftp://x", "--token", "t"))
        .isEqualTo(2);
    assertThat(run(operator, "pause")).isEqualTo(2);
    assertThat(run(operator, "keys")).isEqualTo(2);
  }

  /** The pipeline's commands need no server. */
  private int offline(String... args) {
    out = new StringWriter();
    err = new StringWriter();
    return cli(out, err).execute(args);
  }

  private int run(String token, String... args) {
    out = new StringWriter();
    err = new StringWriter();
    return cli(out, err).execute(server(token, args));
  }

  private String[] server(String token, String... args) {
    String[] all = new String[args.length + 4];
    System.arraycopy(args, 0, all, 0, args.length);
    all[args.length] = "--server";
    all[args.length + 1] = "http://127.0.0.1:" + port;
    all[args.length + 2] = "--token";
    all[args.length + 3] = token;
    return all;
  }

  private static CommandLine cli(StringWriter out, StringWriter err) {
    CommandLine cli = RolloutCli.commandLine();
    cli.setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true));
    return cli;
  }

  private Path write(String name, String text) throws Exception {
    return Files.writeString(dir.resolve(name), text);
  }
}
