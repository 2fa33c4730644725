package dev.rollout.worker.metrics;

import dev.rollout.activities.metrics.MetricsReader;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Prometheus metrics at {@code /actuator/prometheus}: the store gauges and the device counters. */
@Configuration(proxyBeanMethods = false)
class MetricsConfiguration {

  @Bean
  RolloutMetrics rolloutMetrics(DataSource dataSource, MeterRegistry registry) {
    // rollouts that ended more than a week ago drop out of the label sets
    return new RolloutMetrics(
        new MetricsReader(dataSource, Duration.ofDays(7)), registry, Clock.systemUTC());
  }

  @Bean(destroyMethod = "shutdownNow")
  ScheduledExecutorService metricsRefresher(
      RolloutMetrics metrics, @Value("${rollout.metrics.refresh:15s}") Duration every) {
    ScheduledExecutorService executor =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "metrics-refresh");
              thread.setDaemon(true);
              return thread;
            });
    executor.scheduleWithFixedDelay(metrics::refresh, 0, every.toMillis(), TimeUnit.MILLISECONDS);
    return executor;
  }

  @Bean
  DeviceMetrics deviceMetrics(MeterRegistry registry) {
    return new DeviceMetrics(registry);
  }
}
