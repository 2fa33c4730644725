package dev.rollout.agent.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rollout.agent.FakeDeviceApiAccess;
import dev.rollout.definitions.release.TrustedKey;
import dev.rollout.definitions.release.TrustedKeys;
import java.lang.management.ManagementFactory;
import java.security.KeyPair;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** 10,000 reference agents against the fake device API, over real HTTP, for a few seconds. */
class FleetSimulatorIT {

  private static final int DEVICES = 10_000;

  @Test
  void tenThousandAgentsUpdateOverRealHttpWithBoundedMemory() throws Exception {
    KeyPair key = FakeDeviceApiAccess.newKey();
    try (FakeDeviceApiAccess api = FakeDeviceApiAccess.withRelease(key, "2.3.0", "2.4.0")) {
      FleetSpec fleet = FleetSpec.demo(DEVICES, "2.3.0");
      SimulatorConfig config =
          SimulatorConfig.of(
                  api.base(),
                  FakeDeviceApiAccess.ADMIN_TOKEN,
                  fleet,
                  42,
                  TrustedKeys.of(TrustedKey.of("thermostat", key.getPublic())))
              .withPace(120, Duration.ofMinutes(10))
              .withBehaviours(
                  Behaviours.allGood().with("2.4.0", "th-300", new Behaviour(0, 0.2, 0)));
      long heapBefore = usedHeap();

      try (Simulation simulation = FleetSimulator.start(config)) {
        // the machine is shared: wait for progress (at most 2 minutes), not for a fixed time
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < deadline
            && (simulation.stats().checkIns() < DEVICES * 9 / 10
                || simulation.runningVersions().getOrDefault("2.4.0", 0L) < DEVICES / 10
                || !simulation.stats().failures().containsKey("BOOT_FAILED"))) {
          Thread.sleep(3_000);
          System.out.println("[simulator] " + simulation.stats().line());
        }
        SimulationStats stats = simulation.stats();
        long heapDuring = usedHeap();
        System.out.printf(
            "[simulator] %d devices, heap used before %d MB, during %d MB, images cached %d,"
                + " versions %s, threads %d%n",
            DEVICES,
            heapBefore >> 20,
            heapDuring >> 20,
            simulation.cachedImages(),
            simulation.runningVersions(),
            ManagementFactory.getThreadMXBean().getThreadCount());

        assertThat(stats.checkIns()).isGreaterThan(DEVICES * 9 / 10);
        assertThat(stats.offers()).isGreaterThan(DEVICES / 2);
        assertThat(simulation.runningVersions().get("2.4.0")).isGreaterThanOrEqualTo(DEVICES / 10);
        assertThat(stats.failures()).containsKey("BOOT_FAILED").doesNotContainKey("HASH_MISMATCH");
        assertThat(simulation.cachedImages()).isEqualTo(2);
        assertThat(heapDuring - heapBefore).isLessThan(512L << 20);
        assertThat(ManagementFactory.getThreadMXBean().getThreadCount()).isLessThan(200);
      }
    }
  }

  private static long usedHeap() {
    System.gc();
    Runtime runtime = Runtime.getRuntime();
    return runtime.totalMemory() - runtime.freeMemory();
  }
}
