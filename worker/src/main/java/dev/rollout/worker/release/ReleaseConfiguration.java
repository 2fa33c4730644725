package dev.rollout.worker.release;

import dev.rollout.activities.release.ArtifactStore;
import dev.rollout.activities.release.KeyRegistry;
import dev.rollout.activities.release.PolicyStore;
import dev.rollout.activities.release.ReleaseLibrary;
import dev.rollout.activities.release.ReleaseRegistry;
import dev.rollout.worker.config.RolloutProperties;
import jakarta.servlet.MultipartConfigElement;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The release registry's beans; artifacts live in {@code <data-dir>/artifacts}. */
@Configuration(proxyBeanMethods = false)
class ReleaseConfiguration {

  @Bean
  ArtifactStore artifactStore(RolloutProperties rollout) {
    return new ArtifactStore(rollout.dataDir().toAbsolutePath().normalize().resolve("artifacts"));
  }

  @Bean
  KeyRegistry keyRegistry(DataSource dataSource) {
    return new KeyRegistry(dataSource);
  }

  @Bean
  ReleaseRegistry releaseRegistry(
      DataSource dataSource, ArtifactStore store, KeyRegistry keys, ReleaseProperties properties) {
    return new ReleaseRegistry(dataSource, store, keys, properties.maxDeltaInput().toBytes());
  }

  @Bean
  ReleaseLibrary releaseLibrary(DataSource dataSource, ArtifactStore store) {
    return new ReleaseLibrary(dataSource, store);
  }

  @Bean
  PolicyStore policyStore(DataSource dataSource) {
    return new PolicyStore(dataSource);
  }

  /**
   * Replaces Boot's multipart settings (1 MB per file by default): firmware is large. A threshold
   * of 0 writes every part to a temporary file, so an upload never sits in memory.
   */
  @Bean
  MultipartConfigElement multipartConfigElement(ReleaseProperties properties) {
    long max = properties.maxUploadSize().toBytes();
    return new MultipartConfigElement("", max, max, 0);
  }
}
