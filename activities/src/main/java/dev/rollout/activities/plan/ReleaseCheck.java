package dev.rollout.activities.plan;

import dev.rollout.activities.store.Jdbc;
import dev.rollout.definitions.plan.Problem;
import dev.rollout.definitions.policy.AvailableRelease;
import dev.rollout.definitions.policy.ReleaseCatalog;
import dev.rollout.definitions.policy.VersionPolicy;
import dev.rollout.definitions.version.SemVer;
import java.sql.Array;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Reads the plan's release and the version policy from the store, and leaves the judgement (§5) to
 * the pure {@link dev.rollout.definitions.policy.ReleaseCheck}.
 */
public final class ReleaseCheck {

  private ReleaseCheck() {}

  public static List<Problem> problems(Connection connection, String release) throws SQLException {
    List<AvailableRelease> releases =
        Jdbc.query(
            connection,
            "SELECT version, hardware_models, min_server_api, critical_migration"
                + " FROM releases WHERE version = ?",
            row ->
                new AvailableRelease(
                    SemVer.parse(row.getString(1)),
                    Set.of(strings(row.getArray(2))),
                    row.getInt(3),
                    row.getBoolean(4)),
            release);
    VersionPolicy policy =
        Jdbc.query(
                connection,
                "SELECT min_supported_version, server_api_version, critical_migrations"
                    + " FROM version_policy",
                row ->
                    new VersionPolicy(
                        SemVer.parse(row.getString(1)),
                        row.getInt(2),
                        Arrays.stream(strings(row.getArray(3))).map(SemVer::parse).toList()))
            .get(0);
    return dev.rollout.definitions.policy.ReleaseCheck.check(
        policy, ReleaseCatalog.of(releases), SemVer.parse(release));
  }

  private static String[] strings(Array array) throws SQLException {
    return array == null ? new String[0] : (String[]) array.getArray();
  }
}
