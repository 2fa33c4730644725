package dev.rollout.agent;

import dev.rollout.agent.DeviceApiClient.Credentials;
import dev.rollout.definitions.release.TrustedKeys;
import dev.rollout.definitions.version.SemVer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/**
 * One agent on real A/B slot files, against the fake API, on a manual clock: each step's wait is
 * skipped by moving the clock, so tests run an update in milliseconds and deterministically.
 */
final class TestDevice {

  final String id;
  final Slots slots;
  final ScriptedPlatform platform = new ScriptedPlatform();
  final ManualClock clock = new ManualClock();
  final Agent agent;

  final Path slotsDir;
  private final FakeDeviceApi api;
  private final Credentials credentials;
  private final TrustedKeys keys;
  private final int boot;

  TestDevice(FakeDeviceApi api, Path dir, String id, String version, TrustedKeys keys)
      throws Exception {
    this(api, new Credentials(id, api.register(id)), keys, provision(dir, version), 1);
  }

  private TestDevice(
      FakeDeviceApi api,
      Credentials credentials,
      TrustedKeys keys,
      DirectorySlots slots,
      int boot) {
    this.api = api;
    this.id = credentials.deviceId();
    this.credentials = credentials;
    this.keys = keys;
    this.boot = boot;
    this.slots = slots;
    this.slotsDir = slots.directory();
    AgentConfig config = AgentConfig.of(credentials, Releases.MODEL, keys, "boot" + boot);
    DeviceApiClient client = new DeviceApiClient(DeviceApiClient.defaultHttpClient(), api.base());
    this.agent = new Agent(config, client, slots, platform, clock, AgentListener.NONE);
  }

  private static DirectorySlots provision(Path dir, String version) throws Exception {
    Files.createDirectories(dir);
    Path factory = Files.write(dir.resolve("factory.img"), Releases.image(version));
    return DirectorySlots.provision(dir.resolve("slots"), SemVer.parse(version), factory);
  }

  /** The same device after a power cut: a new agent (and boot id) on the slots' files as left. */
  TestDevice restarted() throws Exception {
    return new TestDevice(api, credentials, keys, DirectorySlots.open(slotsDir), boot + 1);
  }

  /** Checks in once, then runs whatever that started until done and reported. */
  void checkInAndRun() {
    int steps = 0;
    do {
      clock.advance(agent.step());
      if (++steps > 100) {
        throw new AssertionError("the agent did not settle in 100 steps");
      }
    } while (agent.busy() || !agent.eventsDelivered());
  }

  String running() {
    return slots.active().version().toString();
  }

  static final class ManualClock implements AgentClock {
    private Instant now = Instant.parse("2026-11-28T12:00:00Z");

    @Override
    public synchronized Instant now() {
      return now;
    }

    @Override
    public double speed() {
      return 1;
    }

    synchronized void advance(Duration duration) {
      now = now.plus(duration);
    }

    synchronized void set(Instant instant) {
      now = instant;
    }
  }

  static final class ScriptedPlatform implements Platform {
    volatile Readings readings = Readings.unlimited();
    volatile ZoneId zone = ZoneId.of("UTC");
    volatile boolean approves;
    volatile boolean installs = true;
    volatile boolean boots = true;
    volatile boolean healthy = true;

    @Override
    public Readings readings(Instant now) {
      return readings;
    }

    @Override
    public ZoneId zone() {
      return zone;
    }

    @Override
    public boolean userApprovesMeteredDownload(String version) {
      return approves;
    }

    @Override
    public boolean install(SemVer version) {
      return installs;
    }

    @Override
    public boolean boots(SemVer version) {
      return boots;
    }

    @Override
    public boolean healthy(SemVer version) {
      return healthy;
    }

    @Override
    public Duration downloadTime(long bytes) {
      return Duration.ofSeconds(30);
    }

    @Override
    public Duration installTime(SemVer version) {
      return Duration.ofSeconds(20);
    }
  }
}
