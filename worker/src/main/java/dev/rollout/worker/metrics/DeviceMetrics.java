package dev.rollout.worker.metrics;

import static java.util.Objects.requireNonNull;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * What the device API counts as it happens: check-ins by answer, events by type, and the download
 * and install times devices report, as histograms (Prometheus buckets) per rollout.
 */
public final class DeviceMetrics {

  private final MeterRegistry registry;
  // a handful of actions; looked up once each, not built and registered on every check-in
  private final Map<String, Counter> checkIns = new ConcurrentHashMap<>();

  private final Timer checkInTime;

  public DeviceMetrics(MeterRegistry registry) {
    this.registry = requireNonNull(registry, "registry");
    this.checkInTime =
        Timer.builder("rollout.device.check.in")
            .description("Time the engine took to answer a device check-in")
            .serviceLevelObjectives(
                Stream.of(5, 10, 25, 50, 100, 250, 1000)
                    .map(Duration::ofMillis)
                    .toArray(Duration[]::new))
            .register(registry);
  }

  /**
   * One check-in answered, and how long the engine took to answer it (the check-in bypasses Spring
   * MVC, so this histogram stands in for {@code http.server.requests}).
   */
  public void checkIn(String action, long nanos) {
    checkInTime.record(nanos, TimeUnit.NANOSECONDS);
    checkIn(action);
  }

  /** One check-in, by the action answered ({@code NONE}, {@code UPDATE}, ...). */
  public void checkIn(String action) {
    checkIns
        .computeIfAbsent(
            action,
            a ->
                Counter.builder("rollout.device.check.ins")
                    .description("Device check-ins by the action answered")
                    .tag("action", a)
                    .register(registry))
        .increment();
  }

  /** One stored (not duplicate) device event. */
  public void event(String type) {
    Counter.builder("rollout.device.events")
        .description("Device events stored, by type")
        .tag("type", type)
        .register(registry)
        .increment();
  }

  public void downloaded(String rolloutId, Duration duration) {
    Timer.builder("rollout.device.download")
        .description("Download time devices report")
        .tag("rollout", rolloutId)
        .publishPercentileHistogram()
        .register(registry)
        .record(duration);
  }

  public void installed(String rolloutId, Duration duration) {
    Timer.builder("rollout.device.install")
        .description("Install time devices report")
        .tag("rollout", rolloutId)
        .publishPercentileHistogram()
        .register(registry)
        .record(duration);
  }
}
