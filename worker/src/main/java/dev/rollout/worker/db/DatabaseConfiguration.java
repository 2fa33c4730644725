package dev.rollout.worker.db;

import com.zaxxer.hikari.HikariDataSource;
import dev.rollout.activities.store.Database;
import dev.rollout.worker.config.RolloutProperties;
import dev.rollout.worker.config.StartupException;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * The one {@link DataSource} of the engine, migrated before anything uses it. Boot's DataSource and
 * Flyway auto-configuration are excluded (see {@code RolloutApplication}) so that the pool is
 * created exactly here, after the embedded server when there is one, with a one-line error when the
 * database cannot be reached.
 */
@Configuration(proxyBeanMethods = false)
public class DatabaseConfiguration {

  @Bean(destroyMethod = "close")
  @Conditional(EmbeddedDatabaseCondition.class)
  EmbeddedPostgresServer embeddedPostgres(RolloutProperties rollout, DatabaseProperties database) {
    return EmbeddedPostgresServer.start(
        rollout.dataDir().toAbsolutePath().normalize().resolve("postgres"),
        database.embedded().port(),
        database.embedded().fsync());
  }

  @Bean(destroyMethod = "close")
  HikariDataSource dataSource(
      DatabaseProperties database, Optional<EmbeddedPostgresServer> embedded) {
    HikariDataSource dataSource =
        embedded
            .map(server -> connect(server.jdbcUrl(), EmbeddedPostgresServer.USER, "", true))
            .orElseGet(() -> connect(database.url(), database.user(), database.password(), false));
    Database.migrate(dataSource);
    return dataSource;
  }

  @Bean
  DatabaseHealthIndicator databaseHealthIndicator(DataSource dataSource) {
    return new DatabaseHealthIndicator(dataSource);
  }

  private static HikariDataSource connect(
      String url, String user, String password, boolean embedded) {
    try {
      return Database.pool(url, user, password);
    } catch (RuntimeException e) {
      String hint =
          embedded
              ? "the embedded PostgreSQL did not answer"
              : "check ROLLOUT_DB_URL, ROLLOUT_DB_USER and ROLLOUT_DB_PASSWORD, or unset"
                  + " ROLLOUT_DB_URL to use the embedded PostgreSQL";
      throw new StartupException(
          "Cannot reach PostgreSQL at %s (%s); %s"
              .formatted(url, StartupException.rootMessage(e), hint),
          e);
    }
  }
}
