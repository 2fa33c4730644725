package dev.rollout.agent.simulator;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;

/** Generates device definitions from a {@link FleetSpec}; the same seed gives the same fleet. */
public final class FleetGenerator {

  private FleetGenerator() {}

  public static List<SimDevice> generate(FleetSpec spec, long seed) {
    List<SimDevice> devices = new ArrayList<>(spec.count());
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = 1; i <= spec.count(); i++) {
      devices.add(device(spec, i, random.split()));
    }
    return devices;
  }

  private static SimDevice device(FleetSpec spec, int index, SplittableRandom random) {
    boolean lowBattery = random.nextDouble() < spec.lowBatteryShare();
    boolean lowStorage = random.nextDouble() < spec.lowStorageShare();
    boolean metered = random.nextDouble() < spec.meteredShare();
    return new SimDevice(
        String.format("%s-%05d", spec.idPrefix(), index),
        pick(spec.hardwareModels(), random),
        pick(spec.regions(), random),
        pick(spec.versions(), random),
        tags(spec, random),
        ZoneId.of(pick(spec.zones(), random)),
        lowBattery ? random.nextInt(5, 26) : random.nextInt(30, 101),
        lowStorage ? random.nextLong(1L << 20, 50L << 20) : random.nextLong(1L << 30, 8L << 30),
        metered,
        0.3 + 0.7 * random.nextDouble(),
        random.nextDouble() < spec.offlineShare(),
        metered && random.nextDouble() < spec.approvalShare(),
        new Random(random.nextLong()).nextLong());
  }

  private static Map<String, String> tags(FleetSpec spec, SplittableRandom random) {
    Map<String, String> tags = new LinkedHashMap<>();
    if (random.nextDouble() < spec.internalShare()) {
      tags.put("internal", "true");
    }
    if (random.nextDouble() < spec.lowRiskShare()) {
      tags.put("segment", "low-risk");
    }
    return tags;
  }

  private static String pick(List<String> values, SplittableRandom random) {
    return values.get(random.nextInt(values.size()));
  }
}
