package dev.rollout.activities.device;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rollout.activities.store.Jdbc;
import dev.rollout.activities.testing.TestDatabase;
import dev.rollout.definitions.device.CheckInReport;
import dev.rollout.definitions.device.DeviceRecord;
import dev.rollout.definitions.version.SemVer;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DeviceRegistryIT {

  final DataSource db = TestDatabase.dataSource();
  final DeviceRegistry registry = new DeviceRegistry(db);

  @BeforeEach
  void freshStore() {
    TestDatabase.reset();
  }

  static DeviceRecord device(String id, String version, Map<String, String> tags) {
    return new DeviceRecord(id, "th-100", "eu-west", SemVer.parse(version), tags);
  }

  @Test
  void issuesTokensOnlyToNewDevicesAndStoresOnlyTheirHash() {
    ImportResult first = registry.importDevices(List.of(device("i-1", "2.3.0", Map.of())));
    assertThat(first.created()).isEqualTo(1);
    String token = first.tokens().get(0).token();
    assertThat(token).matches("[A-Za-z0-9_-]{43}");
    assertThat(hashOf("i-1")).isEqualTo(DeviceTokens.hash(token)).isNotEqualTo(token);

    ImportResult second =
        registry.importDevices(
            List.of(
                device("i-1", "2.3.1", Map.of("channel", "beta")),
                device("i-2", "2.3.0", Map.of())));
    assertThat(second.created()).isEqualTo(1);
    assertThat(second.updated()).isEqualTo(1);
    assertThat(second.tokens())
        .extracting(ImportResult.IssuedToken::deviceId)
        .containsExactly("i-2");
    assertThat(hashOf("i-1")).isEqualTo(DeviceTokens.hash(token));
    assertThat(registry.deviceOf(DeviceTokens.hash(token))).contains("i-1");
  }

  @Test
  void importDoesNotOverwriteTheVersionADeviceReported() {
    String token =
        registry.importDevices(List.of(device("v-1", "2.3.0", Map.of()))).tokens().get(0).token();
    new CheckIns(db)
        .checkIn(
            DeviceTokens.hash(token),
            "v-1",
            new CheckInReport(
                SemVer.parse("2.3.5"),
                "th-100",
                null,
                null,
                null,
                CheckInReport.NetworkReport.UNKNOWN,
                OffsetDateTime.parse("2026-11-28T12:00:00Z")));
    registry.importDevices(List.of(device("v-1", "2.3.0", Map.of("channel", "beta"))));
    assertThat(text("SELECT reported_version FROM devices WHERE id = 'v-1'")).isEqualTo("2.3.5");
    assertThat(text("SELECT tags->>'channel' FROM devices WHERE id = 'v-1'")).isEqualTo("beta");
  }

  @Test
  void rotatingATokenRetiresTheOldOne() {
    String old =
        registry.importDevices(List.of(device("t-1", "2.3.0", Map.of()))).tokens().get(0).token();
    String fresh = registry.rotateToken("t-1").orElseThrow();
    assertThat(registry.deviceOf(DeviceTokens.hash(old))).isEmpty();
    assertThat(registry.deviceOf(DeviceTokens.hash(fresh))).contains("t-1");
    assertThat(registry.rotateToken("no-such-device")).isEmpty();
  }

  @Test
  void importsMoreThanOneBatch() {
    List<DeviceRecord> many = new ArrayList<>();
    IntStream.range(0, DeviceRegistry.BATCH + 5)
        .forEach(i -> many.add(device("bulk-" + i, "2.3.0", Map.of("n", Integer.toString(i)))));
    ImportResult result = registry.importDevices(many);
    assertThat(result.created()).isEqualTo(DeviceRegistry.BATCH + 5);
    assertThat(result.tokens()).hasSize(DeviceRegistry.BATCH + 5);
    assertThat(result.tokens().get(DeviceRegistry.BATCH).deviceId())
        .isEqualTo("bulk-" + DeviceRegistry.BATCH);
    assertThat(text("SELECT count(DISTINCT token_hash) FROM devices"))
        .isEqualTo(Long.toString(DeviceRegistry.BATCH + 5));
  }

  private String hashOf(String id) {
    return text("SELECT token_hash FROM devices WHERE id = '" + id + "'");
  }

  private String text(String sql) {
    return Jdbc.inTransaction(
            db, connection -> Jdbc.query(connection, sql, row -> row.getString(1)))
        .get(0);
  }
}
