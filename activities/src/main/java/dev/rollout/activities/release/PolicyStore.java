package dev.rollout.activities.release;

import static java.util.Objects.requireNonNull;

import dev.rollout.activities.store.Jdbc;
import dev.rollout.definitions.policy.VersionPolicy;
import dev.rollout.definitions.version.SemVer;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import javax.sql.DataSource;

/** The fleet-wide version policy (DESIGN.md §5), the one row of {@code version_policy}. */
public final class PolicyStore {

  private final DataSource dataSource;

  public PolicyStore(DataSource dataSource) {
    this.dataSource = requireNonNull(dataSource, "dataSource");
  }

  public VersionPolicy read() {
    return Jdbc.inTransaction(dataSource, PolicyStore::read);
  }

  /**
   * Replaces the policy and answers it as stored.
   *
   * @throws InvalidInputException listing every problem; nothing is changed then
   */
  public VersionPolicy update(PolicyInput input) {
    VersionPolicy policy = requireNonNull(input, "input").validate();
    return Jdbc.inTransaction(
        dataSource,
        connection -> {
          Jdbc.update(
              connection,
              "UPDATE version_policy SET min_supported_version = ?, server_api_version = ?,"
                  + " critical_migrations = ?, updated_at = now()",
              policy.minSupportedVersion().toString(),
              policy.serverApiVersion(),
              policy.criticalMigrations().stream().map(SemVer::toString).toList());
          return read(connection);
        });
  }

  private static VersionPolicy read(Connection connection) throws SQLException {
    return Jdbc.query(
            connection,
            "SELECT min_supported_version, server_api_version, critical_migrations"
                + " FROM version_policy",
            row ->
                new VersionPolicy(
                    SemVer.parse(row.getString(1)),
                    row.getInt(2),
                    Arrays.stream((String[]) row.getArray(3).getArray())
                        .map(SemVer::parse)
                        .toList()))
        .get(0);
  }
}
