package dev.rollout.activities.device;

import dev.rollout.activities.store.StoreException;
import dev.rollout.definitions.device.CheckInReport;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * Checks in many devices per statement (group commit): a check-in queues itself, and one of the
 * waiting request threads runs everything queued as one statement that authenticates each device,
 * stores what it reports and reads its active assignment, while the others wait for it. Under load
 * the statement's round trip and commit are shared by the whole batch; alone, a device runs its
 * own. A check-in is answered only once its report is committed, and what it reads is the
 * database's state, never a cache's, so any number of engines can serve one fleet.
 */
final class GroupCheckIn {

  // synchronous commit off for this transaction only: the next check-in overwrites the reported
  // state anyway, so a database crash losing its last few hundred milliseconds costs nothing.
  // Sorted ids lock rows in one order, so two engines running overlapping batches cannot deadlock.
  // A wrong token matches no row, so nothing is stored from it.
  static final String CHECK_IN =
      """
      WITH relaxed AS (SELECT set_config('synchronous_commit', 'off', true)),
      reported AS (
        SELECT * FROM unnest(?::text[], ?::text[], ?::text[], ?::int[], ?::bigint[], ?::text[],
                             ?::boolean[], ?::float8[], ?::int[])
          AS u(id, token_hash, version, battery, storage, network_type, metered, quality,
               utc_offset)
      ),
      seen AS (
        UPDATE devices d SET reported_version = u.version, battery_percent = u.battery,
          free_storage_bytes = u.storage, network_type = u.network_type,
          network_metered = u.metered, network_quality = u.quality,
          utc_offset_minutes = u.utc_offset, last_seen_at = now()
        FROM relaxed, reported u
        WHERE d.id = u.id AND d.token_hash = u.token_hash
        RETURNING d.id, d.hardware_model, u.token_hash
      )
      SELECT s.id, s.hardware_model, a.rollout_id, a.outcome, a.attempts, a.target_version,
        a.previous_version, a.rollback_state, a.installing_version, a.used_delta, a.rebooted,
        a.healthy, a.deferred_reason, a.state, s.token_hash
      FROM seen s
      LEFT JOIN LATERAL (
        SELECT a.*, r.state FROM assignments a JOIN rollouts r ON r.id = a.rollout_id
        WHERE a.device_id = s.id
          AND (a.outcome IN ('PENDING', 'DEFERRED', 'IN_PROGRESS', 'FAILED', 'TIMED_OUT')
               OR a.rollback_state = 'OFFERED')
        ORDER BY a.rollback_state IS NOT DISTINCT FROM 'OFFERED' DESC,
          a.outcome = 'IN_PROGRESS' DESC, r.state IN ('RUNNING', 'AWAITING_APPROVAL') DESC,
          a.assigned_at DESC
        LIMIT 1
      ) a ON true
      """;

  /** Bounds one statement's arrays; a longer queue is run by the next statement. */
  static final int MAX_BATCH = 500;

  /** A device and the token it presented; sorted by device id, the order rows are locked in. */
  private record Caller(String deviceId, String tokenHash) implements Comparable<Caller> {
    @Override
    public int compareTo(Caller other) {
      int byDevice = deviceId.compareTo(other.deviceId);
      return byDevice != 0 ? byDevice : tokenHash.compareTo(other.tokenHash);
    }
  }

  private record Pending(
      Caller caller, CheckInReport report, CompletableFuture<Optional<CheckInRow>> answered) {}

  private final DataSource dataSource;
  private final ConcurrentLinkedQueue<Pending> queue = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean draining = new AtomicBoolean();
  private final ThreadPoolExecutor runner;
  private final LongAdder statements = new LongAdder();
  private final LongAdder checkIns = new LongAdder();

  GroupCheckIn(DataSource dataSource) {
    this.dataSource = dataSource;
    // one thread runs the statements, so batches form while the previous one runs; it ends when
    // idle, so an engine (or a test) that stops checking devices in keeps no thread
    this.runner =
        new ThreadPoolExecutor(
            1,
            1,
            30,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(),
            task -> {
              Thread thread = new Thread(task, "check-in-runner");
              thread.setDaemon(true);
              return thread;
            });
    runner.allowCoreThreadTimeOut(true);
  }

  /**
   * Stores the report of the device whose token this is, and returns its row once committed; empty
   * when the token is not this device's (nothing was stored).
   */
  Optional<CheckInRow> checkIn(String tokenHash, String deviceId, CheckInReport report) {
    Pending pending =
        new Pending(new Caller(deviceId, tokenHash), report, new CompletableFuture<>());
    queue.add(pending);
    if (draining.compareAndSet(false, true)) {
      runner.execute(this::drain);
    }
    try {
      return pending.answered().join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw (RuntimeException) e.getCause();
    }
  }

  /** Check-ins run per statement so far: how much the grouping saves (1 when there is no load). */
  double checkInsPerStatement() {
    long n = statements.sum();
    return n == 0 ? 0 : checkIns.sum() / (double) n;
  }

  // Waiting request threads are woken once each, by the runner, rather than one after another.
  private void drain() {
    try {
      for (List<Pending> batch = poll(); !batch.isEmpty(); batch = poll()) {
        runBatch(batch);
      }
    } finally {
      draining.set(false);
      // a check-in queued after the last poll but before the flag dropped saw the runner busy
      if (!queue.isEmpty() && draining.compareAndSet(false, true)) {
        runner.execute(this::drain);
      }
    }
  }

  private List<Pending> poll() {
    List<Pending> batch = new ArrayList<>();
    for (Pending next; batch.size() < MAX_BATCH && (next = queue.poll()) != null; ) {
      batch.add(next);
    }
    return batch;
  }

  private void runBatch(List<Pending> batch) {
    try {
      Map<Caller, CheckInRow> rows = run(batch);
      statements.increment();
      checkIns.add(batch.size());
      batch.forEach(p -> p.answered().complete(Optional.ofNullable(rows.get(p.caller()))));
    } catch (RuntimeException | Error e) {
      // an Error too: its check-ins must not wait forever
      batch.forEach(p -> p.answered().completeExceptionally(e));
      if (e instanceof Error error) {
        throw error;
      }
    }
  }

  private Map<Caller, CheckInRow> run(List<Pending> batch) {
    // a device queued twice with one token keeps its latest report; both get the same answer
    TreeMap<Caller, CheckInReport> latest = new TreeMap<>();
    batch.forEach(pending -> latest.put(pending.caller(), pending.report()));
    List<Caller> callers = new ArrayList<>(latest.keySet());
    List<CheckInReport> reports = new ArrayList<>(latest.values());
    Map<Caller, CheckInRow> rows = new HashMap<>();
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(CHECK_IN)) {
      statement.setArray(1, array(connection, "text", callers, Caller::deviceId));
      statement.setArray(2, array(connection, "text", callers, Caller::tokenHash));
      statement.setArray(3, array(connection, "text", reports, r -> r.version().toString()));
      statement.setArray(4, array(connection, "int4", reports, CheckInReport::batteryPercent));
      statement.setArray(5, array(connection, "int8", reports, CheckInReport::freeStorageBytes));
      statement.setArray(6, array(connection, "text", reports, r -> r.network().type()));
      statement.setArray(7, array(connection, "bool", reports, r -> r.network().metered()));
      statement.setArray(8, array(connection, "float8", reports, r -> r.network().quality()));
      statement.setArray(9, array(connection, "int4", reports, CheckInReport::utcOffsetMinutes));
      try (ResultSet result = statement.executeQuery()) {
        while (result.next()) {
          rows.put(new Caller(result.getString(1), result.getString(15)), CheckInRow.read(result));
        }
      }
    } catch (SQLException e) {
      throw new StoreException(e);
    }
    return rows;
  }

  private static <T> Array array(
      Connection connection, String type, List<T> items, Function<T, Object> value)
      throws SQLException {
    return connection.createArrayOf(type, items.stream().map(value).toArray());
  }
}
