package dev.rollout.worker.device;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rollout.activities.device.ArtifactIndex;
import dev.rollout.activities.device.CheckIns;
import dev.rollout.activities.device.DeviceRegistry;
import dev.rollout.activities.device.EventRecorder;
import dev.rollout.activities.device.ReleaseSnapshots;
import dev.rollout.worker.config.RolloutProperties;
import javax.sql.DataSource;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The device API's parts: the store adapters, the artifact files and the device auth filter. */
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

  /** Only on {@code /device/v1/*}: operators' endpoints have their own security. */
  @Bean
  FilterRegistrationBean<DeviceAuthFilter> deviceAuthFilter(
      DeviceRegistry registry, ObjectMapper mapper) {
    FilterRegistrationBean<DeviceAuthFilter> registration =
        new FilterRegistrationBean<>(new DeviceAuthFilter(registry, mapper));
    registration.addUrlPatterns("/device/v1/*");
    return registration;
  }
}
