package dev.rollout.activities.testing;

import dev.rollout.activities.store.Jdbc;
import java.util.List;
import javax.sql.DataSource;

/** Registers releases, the version policy and stored plans, as the mgmt API will. */
public final class Releases {

  private Releases() {}

  /** A release for these models, needing server API 1, no critical migration. */
  public static void register(DataSource dataSource, String version, String... hardwareModels) {
    register(dataSource, version, List.of(hardwareModels), 1, false);
  }

  public static void register(
      DataSource dataSource,
      String version,
      List<String> hardwareModels,
      int minServerApi,
      boolean criticalMigration) {
    Jdbc.inTransaction(
        dataSource,
        connection ->
            Jdbc.update(
                connection,
                """
                INSERT INTO releases (version, hardware_models, artifact_size, artifact_sha256,
                  artifact_location, signature, key_id, min_server_api, critical_migration)
                VALUES (?, ?, 50000000, md5(?), 'artifacts/' || ?, 'test-signature', 'test-key',
                  ?, ?)
                """,
                version,
                hardwareModels,
                version,
                version,
                minServerApi,
                criticalMigration));
  }

  /** Replaces the fleet-wide version policy. */
  public static void policy(
      DataSource dataSource,
      String minSupportedVersion,
      int serverApiVersion,
      List<String> criticalMigrations) {
    Jdbc.inTransaction(
        dataSource,
        connection ->
            Jdbc.update(
                connection,
                "UPDATE version_policy SET min_supported_version = ?, server_api_version = ?,"
                    + " critical_migrations = ?",
                minSupportedVersion,
                serverApiVersion,
                criticalMigrations));
  }

  /** Stores a plan's text under a name, for inputs of the form {@code {"planName": ...}}. */
  public static void storePlan(DataSource dataSource, String name, String text) {
    Jdbc.inTransaction(
        dataSource,
        connection ->
            Jdbc.update(
                connection,
                "INSERT INTO plans (name, text) VALUES (?, ?)"
                    + " ON CONFLICT (name) DO UPDATE SET text = excluded.text, updated_at = now()",
                name,
                text));
  }
}
