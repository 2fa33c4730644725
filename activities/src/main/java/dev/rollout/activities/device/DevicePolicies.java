package dev.rollout.activities.device;

import dev.rollout.activities.store.Jdbc;
import dev.rollout.activities.store.Rollouts;
import dev.rollout.definitions.plan.DevicePolicy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;

/**
 * The device policy of each rollout's plan, parsed once: a rollout's plan never changes after it
 * starts, so the hot path never parses plan JSON. Bounded by the number of rollouts ever seen by
 * this node, which stays small (one per release and product).
 */
final class DevicePolicies {

  private final DataSource dataSource;
  private final Map<String, DevicePolicy> byRollout = new ConcurrentHashMap<>();

  DevicePolicies(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  DevicePolicy of(String rolloutId) {
    DevicePolicy cached = byRollout.get(rolloutId);
    if (cached != null) {
      return cached;
    }
    DevicePolicy loaded = Jdbc.inTransaction(dataSource, connection -> load(connection, rolloutId));
    byRollout.put(rolloutId, loaded);
    return loaded;
  }

  /** Inside a transaction that is already open (the event batch). */
  DevicePolicy of(Connection connection, String rolloutId) throws SQLException {
    DevicePolicy cached = byRollout.get(rolloutId);
    if (cached != null) {
      return cached;
    }
    DevicePolicy loaded = load(connection, rolloutId);
    byRollout.put(rolloutId, loaded);
    return loaded;
  }

  private static DevicePolicy load(Connection connection, String rolloutId) throws SQLException {
    return Rollouts.plan(connection, rolloutId).devicePolicy();
  }
}
