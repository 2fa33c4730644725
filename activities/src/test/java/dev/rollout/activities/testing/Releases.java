package dev.rollout.activities.testing;

import dev.rollout.activities.store.Jdbc;
import dev.rollout.definitions.release.ManifestJson;
import dev.rollout.definitions.release.ManifestSigner;
import dev.rollout.definitions.release.ReleaseManifest;
import dev.rollout.definitions.release.Sha256;
import dev.rollout.definitions.release.SignedManifest;
import dev.rollout.definitions.version.SemVer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
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

  /** The product line of the signed test releases. */
  public static final String PRODUCT = "thermostat";

  /**
   * A real release as registration leaves it: the image written to {@code
   * <artifactsRoot>/releases/<version>/image.bin}, its manifest signed with the key and stored as
   * registered, the row pointing at the file by its path relative to the root.
   */
  public static SignedManifest registerSigned(
      DataSource dataSource,
      Path artifactsRoot,
      KeyPair key,
      String version,
      byte[] image,
      boolean criticalMigration,
      String... hardwareModels) {
    String location = "releases/" + version + "/image.bin";
    write(artifactsRoot.resolve(location), image);
    ReleaseManifest manifest =
        new ReleaseManifest(
            PRODUCT,
            SemVer.parse(version),
            List.of(hardwareModels),
            image.length,
            Sha256.hex(image),
            1,
            criticalMigration,
            List.of());
    SignedManifest signed = ManifestSigner.of(key).sign(manifest);
    Jdbc.inTransaction(
        dataSource,
        connection ->
            Jdbc.update(
                connection,
                """
                INSERT INTO releases (version, hardware_models, artifact_size, artifact_sha256,
                  artifact_location, signature, key_id, min_server_api, critical_migration,
                  product, manifest)
                VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?)
                """,
                version,
                List.of(hardwareModels),
                (long) image.length,
                manifest.sha256(),
                location,
                signed.signature(),
                signed.keyId(),
                criticalMigration,
                PRODUCT,
                ManifestJson.write(signed)));
    return signed;
  }

  /** A delta file from {@code from} to {@code to} (whose release is registered) and its row. */
  public static void registerDelta(
      DataSource dataSource, Path artifactsRoot, String to, String from, byte[] delta) {
    String location = "releases/" + to + "/delta-from-" + from + ".bin";
    write(artifactsRoot.resolve(location), delta);
    Jdbc.inTransaction(
        dataSource,
        connection ->
            Jdbc.update(
                connection,
                "INSERT INTO release_deltas (to_version, from_version, size, sha256, location)"
                    + " VALUES (?, ?, ?, ?, ?)",
                to,
                from,
                (long) delta.length,
                Sha256.hex(delta),
                location));
  }

  private static void write(Path file, byte[] bytes) {
    try {
      Files.createDirectories(file.getParent());
      Files.write(file, bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
