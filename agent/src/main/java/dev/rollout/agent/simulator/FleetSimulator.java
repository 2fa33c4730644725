package dev.rollout.agent.simulator;

import dev.rollout.agent.Agent;
import dev.rollout.agent.AgentClock;
import dev.rollout.agent.AgentConfig;
import dev.rollout.agent.AgentRuntime;
import dev.rollout.agent.AgentServices;
import dev.rollout.agent.DeviceApiClient;
import dev.rollout.agent.DeviceApiClient.Credentials;
import dev.rollout.agent.ImageCache;
import dev.rollout.agent.SharedImageSlots;
import dev.rollout.agent.SlotImage;
import dev.rollout.definitions.version.SemVer;
import java.io.IOException;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Runs a fleet of reference agents against a device API over real HTTP: generates the fleet,
 * imports it for tokens, and starts every agent on one shared runtime, their first check-ins spread
 * over one interval. Entry point for the demo command and the tests.
 */
public final class FleetSimulator {

  /** Factory images fetched to seed the shared cache (the base of deltas) are at most this big. */
  private static final long MAX_FACTORY_IMAGE = 512L << 20;

  private FleetSimulator() {}

  /** Generates and imports the fleet, then starts it; close the answer to stop. */
  public static Simulation start(SimulatorConfig config) throws IOException, InterruptedException {
    List<SimDevice> devices = FleetGenerator.generate(config.fleet(), config.seed());
    HttpClient http = DeviceApiClient.defaultHttpClient();
    Map<String, String> tokens =
        FleetImporter.importDevices(http, config.baseUri(), config.adminToken(), devices);
    return run(config, devices, tokens);
  }

  /** Starts already imported devices with their tokens. */
  public static Simulation run(
      SimulatorConfig config, List<SimDevice> devices, Map<String, String> tokens) {
    DeviceApiClient api =
        new DeviceApiClient(DeviceApiClient.defaultHttpClient(), config.baseUri());
    ImageCache cache = new ImageCache();
    Map<String, SlotImage> factory = factoryImages(api, cache, devices, tokens);
    AgentClock clock = AgentClock.accelerated(config.speed());
    AgentRuntime runtime = new AgentRuntime(clock, config.workerThreads());
    FleetStats stats = new FleetStats();
    SimulatedPlatform.Timings timings =
        new SimulatedPlatform.Timings(
            config.downloadTime(), config.installTime(), config.rebootTime());
    SplittableRandom stagger = new SplittableRandom(config.seed());
    AgentServices services = AgentServices.shared(config.trustedKeys());
    List<Agent> agents = new ArrayList<>(devices.size());
    for (SimDevice device : devices) {
      Credentials credentials = new Credentials(device.id(), tokens.get(device.id()));
      AgentConfig agentConfig =
          AgentConfig.of(credentials, device.hardwareModel(), config.trustedKeys(), bootId(device))
              .withCheckInInterval(config.checkInInterval());
      Agent agent =
          new Agent(
              agentConfig,
              api,
              new SharedImageSlots(cache, factory.get(device.version())),
              new SimulatedPlatform(device, config.behaviours(), timings),
              clock,
              stats,
              services);
      agents.add(agent);
      long spread = config.checkInInterval().toMillis();
      runtime.start(agent, Duration.ofMillis(stagger.nextLong(Math.max(1, spread))));
    }
    return new Simulation(agents, runtime, stats, cache);
  }

  // Every device on a version holds the same bytes: fetch each initial version once, so deltas
  // from it can be applied. A version the server does not serve leaves its hash unknown.
  private static Map<String, SlotImage> factoryImages(
      DeviceApiClient api, ImageCache cache, List<SimDevice> devices, Map<String, String> tokens) {
    Map<String, SlotImage> images = new HashMap<>();
    for (SimDevice device : devices) {
      images.computeIfAbsent(
          device.version(),
          version -> {
            Credentials credentials = new Credentials(device.id(), tokens.get(device.id()));
            try {
              byte[] image =
                  api.fetch(credentials, "/device/v1/artifacts/" + version, MAX_FACTORY_IMAGE);
              return new SlotImage(SemVer.parse(version), cache.put(image));
            } catch (IOException e) {
              return new SlotImage(SemVer.parse(version), null);
            }
          });
    }
    return images;
  }

  private static String bootId(SimDevice device) {
    return Long.toHexString(device.seed() & 0xffffffffffffL);
  }
}
