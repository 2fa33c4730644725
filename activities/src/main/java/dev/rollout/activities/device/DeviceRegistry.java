package dev.rollout.activities.device;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rollout.activities.device.ImportResult.IssuedToken;
import dev.rollout.activities.store.Jdbc;
import dev.rollout.definitions.device.DeviceRecord;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;

/** Registers devices in bulk and manages their tokens (DESIGN.md §4). */
public final class DeviceRegistry {

  /** Rows per statement: large enough to be set-based, small enough for the array parameters. */
  static final int BATCH = 10_000;

  // A device that already checked in reports its own version: an import does not overwrite it.
  private static final String UPSERT =
      """
      INSERT INTO devices (id, hardware_model, region, tags, reported_version, token_hash)
      SELECT * FROM unnest(?::text[], ?::text[], ?::text[], ?::text[]::jsonb[], ?::text[],
                           ?::text[])
      ON CONFLICT (id) DO UPDATE SET hardware_model = excluded.hardware_model,
        region = excluded.region, tags = excluded.tags,
        reported_version = CASE WHEN devices.last_seen_at IS NULL
                                THEN excluded.reported_version
                                ELSE devices.reported_version END
      RETURNING id, xmax = 0
      """;

  private static final ObjectMapper JSON = new ObjectMapper();

  private final DataSource dataSource;

  public DeviceRegistry(DataSource dataSource) {
    this.dataSource = requireNonNull(dataSource, "dataSource");
  }

  /**
   * Creates or updates every device in one transaction and issues a token to each new one. The
   * caller has validated the list (ids unique).
   */
  public ImportResult importDevices(List<DeviceRecord> devices) {
    return Jdbc.inTransaction(
        dataSource,
        connection -> {
          List<IssuedToken> tokens = new ArrayList<>();
          long updated = 0;
          for (int from = 0; from < devices.size(); from += BATCH) {
            updated +=
                upsert(
                    connection,
                    devices.subList(from, Math.min(devices.size(), from + BATCH)),
                    tokens);
          }
          return new ImportResult(tokens.size(), updated, tokens);
        });
  }

  /** A new token for the device, replacing its old one; empty when there is no such device. */
  public Optional<String> rotateToken(String deviceId) {
    String token = DeviceTokens.generate();
    long changed =
        Jdbc.inTransaction(
            dataSource,
            connection ->
                Jdbc.update(
                    connection,
                    "UPDATE devices SET token_hash = ? WHERE id = ?",
                    DeviceTokens.hash(token),
                    deviceId));
    return changed == 1 ? Optional.of(token) : Optional.empty();
  }

  /** The device a token belongs to (by its hash), for the requests that do not check in. */
  public Optional<String> deviceOf(String tokenHash) {
    List<String> ids =
        Jdbc.inTransaction(
            dataSource,
            connection ->
                Jdbc.query(
                    connection,
                    "SELECT id FROM devices WHERE token_hash = ?",
                    row -> row.getString(1),
                    tokenHash));
    return ids.stream().findFirst();
  }

  private static long upsert(Connection connection, List<DeviceRecord> batch, List<IssuedToken> out)
      throws SQLException {
    int n = batch.size();
    List<String> ids = new ArrayList<>(n);
    List<String> models = new ArrayList<>(n);
    List<String> regions = new ArrayList<>(n);
    List<String> tags = new ArrayList<>(n);
    List<String> versions = new ArrayList<>(n);
    List<String> hashes = new ArrayList<>(n);
    List<String> tokens = new ArrayList<>(n);
    for (DeviceRecord device : batch) {
      String token = DeviceTokens.generate();
      ids.add(device.id());
      models.add(device.hardwareModel());
      regions.add(device.region());
      tags.add(json(device));
      versions.add(device.version().toString());
      hashes.add(DeviceTokens.hash(token));
      tokens.add(token);
    }
    Set<String> created = new HashSet<>();
    long updated = 0;
    for (Object[] row :
        Jdbc.query(
            connection,
            UPSERT,
            r -> new Object[] {r.getString(1), r.getBoolean(2)},
            ids,
            models,
            regions,
            tags,
            versions,
            hashes)) {
      if ((Boolean) row[1]) {
        created.add((String) row[0]);
      } else {
        updated++;
      }
    }
    for (int i = 0; i < n; i++) {
      if (created.contains(ids.get(i))) {
        out.add(new IssuedToken(ids.get(i), tokens.get(i)));
      }
    }
    return updated;
  }

  private static String json(DeviceRecord device) {
    try {
      return JSON.writeValueAsString(device.tags());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("tags are strings", e);
    }
  }
}
