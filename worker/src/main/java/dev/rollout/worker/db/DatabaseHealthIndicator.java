package dev.rollout.worker.db;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

/**
 * {@code /actuator/health} component {@code database}. Boot's own indicator needs spring-jdbc,
 * which nothing else here uses.
 */
final class DatabaseHealthIndicator implements HealthIndicator {

  private final DataSource dataSource;

  DatabaseHealthIndicator(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public Health health() {
    try (Connection connection = dataSource.getConnection()) {
      return connection.isValid(2)
          ? Health.up().build()
          : Health.down().withDetail("error", "connection not valid").build();
    } catch (SQLException e) {
      return Health.down().withDetail("error", e.getMessage()).build();
    }
  }
}
