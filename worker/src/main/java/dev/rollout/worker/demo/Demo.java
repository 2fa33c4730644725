package dev.rollout.worker.demo;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rollout.agent.simulator.Behaviour;
import dev.rollout.agent.simulator.Behaviours;
import dev.rollout.agent.simulator.FleetSimulator;
import dev.rollout.agent.simulator.FleetSpec;
import dev.rollout.agent.simulator.Simulation;
import dev.rollout.agent.simulator.SimulatorConfig;
import dev.rollout.worker.cli.MgmtClient;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.time.Duration;

/**
 * The one-command demo: on a running engine, registers a product line's key and three signed
 * releases, simulates a fleet over the device API, rolls out the good release to completion and the
 * bad one (boot loops on th-200) until its gate fails and it rolls back. Everything goes through
 * the mgmt and device APIs over HTTP, as operators and devices would.
 */
public final class Demo {

  private static final long SEED = 2026;

  private final DemoOptions options;
  private final MgmtClient mgmt;
  private final PrintWriter out;
  private final URI engine;
  private final String adminToken;
  private final SignedFirmware releases = DemoReleases.firmware();

  public Demo(DemoOptions options, URI engine, String adminToken, PrintWriter out) {
    this.options = options;
    this.engine = engine;
    this.adminToken = adminToken;
    this.mgmt = new MgmtClient(engine, adminToken);
    this.out = out;
  }

  /** Runs both rollouts; true when the good one completed and the bad one rolled back. */
  public boolean run() throws IOException, InterruptedException {
    registerReleases();
    out.printf("Simulating %,d devices (device clocks at %.0fx)...%n", options.devices(), pace());
    out.flush();
    try (Simulation fleet = FleetSimulator.start(simulator())) {
      out.printf("Fleet online: %s%n%n", fleet.runningVersions());
      JsonNode good = rollOut("thermostat-2-4-0", "the good release " + DemoReleases.GOOD);
      JsonNode bad = rollOut("thermostat-2-4-1", "the bad release " + DemoReleases.BAD);
      out.printf("Devices now run: %s%n", fleet.runningVersions());
      out.printf("Devices: %s%n", fleet.stats().line());
      boolean asExpected =
          "COMPLETED".equals(good.path("state").asText())
              && "ROLLED_BACK".equals(bad.path("state").asText());
      out.println(
          asExpected
              ? "Demo done: 2.4.0 completed; 2.4.1 was stopped automatically and rolled back."
              : "Demo ended differently than planned: see the states above.");
      out.flush();
      if (options.keep()) {
        out.println("Still serving (--keep): the fleet keeps checking in. Ctrl-C stops.");
        out.flush();
        Thread.currentThread().join();
      }
      return asExpected;
    }
  }

  private void registerReleases() {
    JsonNode key = releases.registerKey(mgmt);
    out.printf(
        "Trusted key %s for product line %s%n", key.path("keyId").asText(), DemoReleases.PRODUCT);
    for (String version :
        new String[] {DemoReleases.INSTALLED, DemoReleases.GOOD, DemoReleases.BAD}) {
      JsonNode registered = releases.register(mgmt, version);
      out.printf(
          "Registered signed release %s (%d bytes, deltas from %s)%n",
          version,
          registered.path("size").asLong(),
          registered.path("deltas").findValuesAsText("from"));
    }
    out.flush();
  }

  private SimulatorConfig simulator() {
    Behaviours behaviours =
        Behaviours.allGood()
            .with(DemoReleases.GOOD, "*", new Behaviour(0.002, 0, 0))
            .with(DemoReleases.BAD, "th-200", new Behaviour(0, 0.9, 0));
    return SimulatorConfig.of(
            engine,
            adminToken,
            FleetSpec.demo(options.devices(), DemoReleases.INSTALLED),
            SEED,
            releases.trustedKeys())
        .withPace(pace(), Duration.ofMinutes(10))
        .withBehaviours(behaviours);
  }

  // a device checks in every ten simulated minutes: every ten real seconds at --speed 1
  private double pace() {
    return 60 * options.speed();
  }

  private JsonNode rollOut(String plan, String what) throws InterruptedException {
    out.printf("Rolling out %s (%s)%n", what, "examples/demo/" + plan + ".yaml");
    JsonNode started = mgmt.postJson("/mgmt/v1/rollouts", DemoPlans.load(plan, options.speed()));
    String rolloutId = started.path("rolloutId").asText();
    out.printf(
        "  started %s: watch it in the dashboard, the Temporal UI or `rollout status %s --watch`%n",
        rolloutId, rolloutId);
    DemoWatch watch = new DemoWatch(mgmt, out);
    JsonNode end = watch.follow(rolloutId);
    watch.summarize(end);
    return end;
  }

  /** What the command line sets. */
  public record DemoOptions(int devices, double speed, boolean keep) {
    public DemoOptions {
      if (devices < 100 || devices > 100_000) {
        throw new IllegalArgumentException("--devices must be 100..100000, got " + devices);
      }
      if (!(speed >= 0.25 && speed <= 20)) {
        throw new IllegalArgumentException("--speed must be 0.25..20, got " + speed);
      }
    }
  }
}
