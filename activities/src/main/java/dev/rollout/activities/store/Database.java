package dev.rollout.activities.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/** Connects to the store and brings its schema up to date. */
public final class Database {

  private Database() {}

  /** A connection pool; the caller closes it. */
  public static HikariDataSource pool(String url, String user, String password) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url);
    config.setUsername(user);
    config.setPassword(password);
    config.setPoolName("rollout-store");
    config.setMaximumPoolSize(10);
    // devices get 503 + Retry-After within 2 s when the database is down, not a hung request
    config.setConnectionTimeout(2_000);
    // fail at once, not on first use, when the database cannot be reached
    config.setInitializationFailTimeout(1);
    return new HikariDataSource(config);
  }

  /** Applies the migrations under {@code db/migration}; safe to call at every start. */
  public static void migrate(DataSource dataSource) {
    Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
  }
}
