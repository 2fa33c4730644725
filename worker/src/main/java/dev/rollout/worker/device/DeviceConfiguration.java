package dev.rollout.worker.device;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rollout.activities.device.ArtifactIndex;
import dev.rollout.activities.device.CheckIns;
import dev.rollout.activities.device.DeviceRegistry;
import dev.rollout.activities.device.EventRecorder;
import dev.rollout.activities.device.ReleaseSnapshots;
import dev.rollout.worker.config.CheckInProperties;
import dev.rollout.worker.config.RolloutProperties;
import dev.rollout.worker.metrics.DeviceMetrics;
import javax.sql.DataSource;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** The device API's parts: the store adapters, the artifact files, the check-in and device auth. */
@Configuration(proxyBeanMethods = false)
class DeviceConfiguration {

  @Bean
  DeviceRegistry deviceRegistry(DataSource dataSource) {
    return new DeviceRegistry(dataSource);
  }

  @Bean
  CheckIns checkIns(DataSource dataSource) {
    return new CheckIns(dataSource, new ReleaseSnapshots(dataSource));
  }

  @Bean
  EventRecorder eventRecorder(DataSource dataSource) {
    return new EventRecorder(dataSource);
  }

  @Bean
  ArtifactFiles artifactFiles(DataSource dataSource, RolloutProperties properties) {
    return new ArtifactFiles(
        new ArtifactIndex(dataSource),
        properties.dataDir().resolve("artifacts").toAbsolutePath().normalize());
  }

  @Bean
  DeviceHttp deviceHttp(ObjectMapper mapper) {
    return new DeviceHttp(mapper);
  }

  /** First of all filters: the hot path skips Spring MVC and its observation (see the class). */
  @Bean
  FilterRegistrationBean<CheckInEndpoint> checkInEndpoint(
      CheckIns checkIns, CheckInProperties intervals, DeviceMetrics metrics, DeviceHttp http) {
    FilterRegistrationBean<CheckInEndpoint> registration =
        new FilterRegistrationBean<>(
            new CheckInEndpoint(checkIns, new CheckInIntervals(intervals), metrics, http));
    registration.addUrlPatterns("/device/v1/devices/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return registration;
  }

  /** Only on {@code /device/v1/*}: operators' endpoints have their own security. */
  @Bean
  FilterRegistrationBean<DeviceAuthFilter> deviceAuthFilter(
      DeviceRegistry registry, DeviceHttp http) {
    FilterRegistrationBean<DeviceAuthFilter> registration =
        new FilterRegistrationBean<>(new DeviceAuthFilter(registry, http));
    registration.addUrlPatterns("/device/v1/*");
    return registration;
  }
}
