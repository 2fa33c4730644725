package dev.rollout.worker.metrics;

import static java.util.Objects.requireNonNull;

import dev.rollout.activities.metrics.MetricsReader;
import dev.rollout.activities.metrics.MetricsSnapshot;
import dev.rollout.activities.metrics.MetricsSnapshot.Outcome;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.MultiGauge.Row;
import io.micrometer.core.instrument.Tags;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The store-derived gauges: devices by outcome per rollout and phase, the update success rate,
 * failure reasons, gate verdicts, rollout states and the fleet's composition. They are re-read on a
 * timer rather than on scrape, so a slow or unreachable database never stalls Prometheus; while it
 * is unreachable the last values stay.
 */
public final class RolloutMetrics {

  private static final Logger log = LoggerFactory.getLogger(RolloutMetrics.class);

  private final MetricsReader reader;
  private final Clock clock;
  private final MultiGauge devices;
  private final MultiGauge successRate;
  private final MultiGauge failures;
  private final MultiGauge verdicts;
  private final MultiGauge states;
  private final MultiGauge fleet;

  public RolloutMetrics(MetricsReader reader, MeterRegistry registry, Clock clock) {
    this.reader = requireNonNull(reader, "reader");
    this.clock = requireNonNull(clock, "clock");
    devices = gauge(registry, "rollout.devices", "Devices by outcome per rollout and phase");
    successRate =
        gauge(
            registry,
            "rollout.update.success.ratio",
            "Succeeded over completed (succeeded, failed, timed out) per rollout and phase");
    failures =
        gauge(registry, "rollout.failures", "Failed, timed-out and quarantined devices by reason");
    verdicts = gauge(registry, "rollout.gate.verdicts", "Gate verdicts and overrides per rollout");
    states = gauge(registry, "rollout.state", "1 for the state each recent rollout is in");
    fleet = gauge(registry, "rollout.fleet.devices", "Devices per firmware version and model");
  }

  /** Re-reads the store; called on a timer. */
  public void refresh() {
    MetricsSnapshot snapshot;
    try {
      snapshot = reader.read(clock.instant());
    } catch (RuntimeException e) {
      log.debug("metrics not refreshed: {}", e.getMessage());
      return;
    }
    devices.register(
        snapshot.outcomes().stream()
            .map(
                o ->
                    row(
                        o.devices(),
                        "rollout",
                        o.rolloutId(),
                        "phase",
                        o.phase(),
                        "outcome",
                        o.outcome()))
            .toList(),
        true);
    successRate.register(successRates(snapshot.outcomes()), true);
    failures.register(
        snapshot.failures().stream()
            .map(c -> row(c.value(), "rollout", c.rolloutId(), "reason", c.key()))
            .toList(),
        true);
    verdicts.register(
        snapshot.verdicts().stream()
            .map(c -> row(c.value(), "rollout", c.rolloutId(), "verdict", c.key()))
            .toList(),
        true);
    states.register(
        snapshot.states().stream()
            .map(c -> row(1, "rollout", c.rolloutId(), "state", c.key()))
            .toList(),
        true);
    fleet.register(
        snapshot.fleet().stream()
            .map(f -> row(f.devices(), "version", f.version(), "hardware_model", f.hardwareModel()))
            .toList(),
        true);
  }

  private static List<Row<?>> successRates(List<Outcome> outcomes) {
    Map<List<String>, Map<String, Long>> byPhase =
        outcomes.stream()
            .collect(
                Collectors.groupingBy(
                    o -> List.of(o.rolloutId(), o.phase()),
                    TreeMap::new,
                    Collectors.toMap(Outcome::outcome, Outcome::devices, Long::sum)));
    return byPhase.entrySet().stream()
        .filter(e -> completed(e.getValue()) > 0)
        .<Row<?>>map(
            e ->
                row(
                    (double) e.getValue().getOrDefault("SUCCEEDED", 0L) / completed(e.getValue()),
                    "rollout",
                    e.getKey().get(0),
                    "phase",
                    e.getKey().get(1)))
        .toList();
  }

  private static long completed(Map<String, Long> outcomes) {
    return outcomes.getOrDefault("SUCCEEDED", 0L)
        + outcomes.getOrDefault("FAILED", 0L)
        + outcomes.getOrDefault("TIMED_OUT", 0L);
  }

  private static Row<?> row(double value, String... tags) {
    return Row.of(Tags.of(tags), value);
  }

  private static MultiGauge gauge(MeterRegistry registry, String name, String description) {
    return MultiGauge.builder(name).description(description).register(registry);
  }
}
