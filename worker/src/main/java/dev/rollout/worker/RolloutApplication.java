package dev.rollout.worker;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The engine: the Temporal worker and, in later issues, the HTTP APIs. Started by {@code rollout
 * server} ({@link dev.rollout.worker.cli.RolloutCli}). Boot's DataSource and Flyway
 * auto-configuration are off: {@code db.DatabaseConfiguration} builds the one pool and migrates it
 * in a known order (after the embedded PostgreSQL, before the worker), with a one-line error.
 */
@SpringBootApplication(exclude = {DataSourceAutoConfiguration.class, FlywayAutoConfiguration.class})
@ConfigurationPropertiesScan
public class RolloutApplication {

  public static void main(String[] args) {
    SpringApplication.run(RolloutApplication.class, args);
  }
}
