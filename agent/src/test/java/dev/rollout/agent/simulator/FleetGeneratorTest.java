package dev.rollout.agent.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class FleetGeneratorTest {

  private final FleetSpec spec = FleetSpec.demo(5_000, "2.3.0");

  @Test
  void sameSeedGivesTheSameFleet() {
    assertThat(FleetGenerator.generate(spec, 7)).isEqualTo(FleetGenerator.generate(spec, 7));
    assertThat(FleetGenerator.generate(spec, 7)).isNotEqualTo(FleetGenerator.generate(spec, 8));
  }

  @Test
  void sharesFollowTheSpec() {
    List<SimDevice> fleet = FleetGenerator.generate(spec, 1);

    assertThat(fleet).hasSize(5_000).extracting(SimDevice::id).doesNotHaveDuplicates();
    assertThat(share(fleet, d -> "true".equals(d.tags().get("internal")))).isBetween(0.01, 0.03);
    assertThat(share(fleet, d -> "low-risk".equals(d.tags().get("segment")))).isBetween(0.08, 0.12);
    assertThat(share(fleet, SimDevice::metered)).isBetween(0.08, 0.12);
    assertThat(share(fleet, d -> d.batteryPercent() < 30)).isBetween(0.04, 0.06);
    assertThat(share(fleet, SimDevice::offline)).isBetween(0.02, 0.04);
    assertThat(fleet).extracting(SimDevice::hardwareModel).contains("th-100", "th-200", "th-300");
    assertThat(fleet).extracting(SimDevice::version).containsOnly("2.3.0");
  }

  private static double share(List<SimDevice> fleet, java.util.function.Predicate<SimDevice> p) {
    return fleet.stream().filter(p).count() / (double) fleet.size();
  }
}
