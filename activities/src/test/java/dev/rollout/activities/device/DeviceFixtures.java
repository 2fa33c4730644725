package dev.rollout.activities.device;

import dev.rollout.activities.store.Jdbc;
import dev.rollout.activities.store.PlanJson;
import dev.rollout.activities.testing.Plans;
import dev.rollout.definitions.device.DeviceRecord;
import dev.rollout.definitions.plan.DailyWindow;
import dev.rollout.definitions.plan.DevicePolicy;
import dev.rollout.definitions.plan.NetworkPolicy;
import dev.rollout.definitions.plan.Plan;
import dev.rollout.definitions.version.SemVer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Rollouts and assignments as the workflow's activities leave them, and devices as an import leaves
 * them, for the device API's tests (here and in the worker).
 */
public final class DeviceFixtures {

  private DeviceFixtures() {}

  /** A policy with the given battery limit, metered rule and off-peak window 01:00-05:00. */
  public static DevicePolicy policy(int minBattery, NetworkPolicy.Metered metered) {
    return new DevicePolicy(
        minBattery,
        null,
        new NetworkPolicy(0.3, metered),
        DailyWindow.parse("01:00-05:00"),
        Duration.ofHours(2),
        3);
  }

  /** A rollout row in the given state whose plan has this device policy. */
  public static void rollout(
      DataSource dataSource, String rolloutId, String release, DevicePolicy policy, String state) {
    Plan base = Plans.fourPhase(rolloutId.replace("rollout-", ""), release);
    Plan plan =
        new Plan(
            base.apiVersion(),
            base.name(),
            base.release(),
            base.target(),
            policy,
            base.rate(),
            base.window(),
            base.phases(),
            base.rollback());
    Instant now = Instant.now();
    update(
        dataSource,
        "INSERT INTO rollouts (id, plan_name, plan, release, state, started_at, updated_at)"
            + " VALUES (?, ?, ?::jsonb, ?, ?, ?, ?)",
        rolloutId,
        plan.name(),
        PlanJson.write(plan),
        release,
        state,
        now,
        now);
  }

  public static void rolloutState(DataSource dataSource, String rolloutId, String state) {
    update(dataSource, "UPDATE rollouts SET state = ? WHERE id = ?", state, rolloutId);
  }

  /** A PENDING assignment in phase 0, as a wave makes it. */
  public static void assign(
      DataSource dataSource, String rolloutId, String deviceId, String target, String previous) {
    Instant now = Instant.now();
    update(
        dataSource,
        "INSERT INTO assignments (rollout_id, device_id, phase, target_version, previous_version,"
            + " outcome, attempts, assigned_at, updated_at)"
            + " VALUES (?, ?, 0, ?, ?, 'PENDING', 0, ?, ?)",
        rolloutId,
        deviceId,
        target,
        previous,
        now,
        now);
  }

  /** Sets columns of one assignment, e.g. {@code "outcome = 'SUCCEEDED'"}. */
  public static void setAssignment(
      DataSource dataSource, String rolloutId, String deviceId, String assignments) {
    update(
        dataSource,
        "UPDATE assignments SET " + assignments + " WHERE rollout_id = ? AND device_id = ?",
        rolloutId,
        deviceId);
  }

  /** The assignment's columns by name. */
  public static Map<String, Object> assignment(
      DataSource dataSource, String rolloutId, String deviceId) {
    return Jdbc.inTransaction(
            dataSource,
            connection ->
                Jdbc.query(
                    connection,
                    "SELECT * FROM assignments WHERE rollout_id = ? AND device_id = ?",
                    row -> {
                      Map<String, Object> columns = new java.util.TreeMap<>();
                      for (int i = 1; i <= row.getMetaData().getColumnCount(); i++) {
                        columns.put(row.getMetaData().getColumnName(i), row.getObject(i));
                      }
                      return columns;
                    },
                    rolloutId,
                    deviceId))
        .get(0);
  }

  /** How many events of the device are stored. */
  public static long events(DataSource dataSource, String deviceId) {
    return Jdbc.inTransaction(
        dataSource,
        connection ->
            Jdbc.queryLong(
                connection, "SELECT count(*) FROM device_events WHERE device_id = ?", deviceId));
  }

  /** Imports one device on th-100 in eu-west; returns its token. */
  public static String device(DataSource dataSource, String id, String version) {
    return new DeviceRegistry(dataSource)
        .importDevices(
            List.of(new DeviceRecord(id, "th-100", "eu-west", SemVer.parse(version), Map.of())))
        .tokens()
        .get(0)
        .token();
  }

  private static void update(DataSource dataSource, String sql, Object... params) {
    Jdbc.inTransaction(dataSource, connection -> Jdbc.update(connection, sql, params));
  }
}
