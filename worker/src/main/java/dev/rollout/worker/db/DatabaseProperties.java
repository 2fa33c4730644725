package dev.rollout.worker.db;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where PostgreSQL is. With no {@code url} the engine runs an embedded PostgreSQL whose data stays
 * under {@code rollout.data-dir}/postgres.
 *
 * @param url JDBC URL ({@code ROLLOUT_DB_URL}); blank means embedded
 * @param user {@code ROLLOUT_DB_USER}
 * @param password {@code ROLLOUT_DB_PASSWORD}
 * @param embedded the embedded server's port (it listens on 127.0.0.1 only) and whether it flushes
 *     its writes to disk ({@code fsync}: on, unless a throw-away store such as a test's wants
 *     speed)
 */
@Validated
@ConfigurationProperties("rollout.db")
public record DatabaseProperties(
    String url, String user, String password, @Valid @NotNull @DefaultValue Embedded embedded) {

  public record Embedded(
      @Min(1) @Max(65535) @DefaultValue("54329") int port, @DefaultValue("true") boolean fsync) {}

  public boolean isEmbedded() {
    return url == null || url.isBlank();
  }
}
