package dev.rollout.activities.device;

import dev.rollout.activities.store.StoreException;
import dev.rollout.definitions.device.CheckInReport;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * Records what devices report at check-in, many devices per statement (group commit): a check-in
 * queues its report and one of the waiting request threads writes everything queued in one {@code
 * UPDATE … FROM unnest(…)}, while the others wait for it. Under load the statement's and the
 * commit's cost is shared by every device of the batch; alone, a device writes its own. A check-in
 * is answered only once its report is stored, so what it reported is never lost silently.
 */
final class ReportedStates {

  // synchronous commit off for this transaction only: the next check-in overwrites the reported
  // state anyway, so a database crash losing its last few hundred milliseconds costs nothing.
  // Sorted ids lock rows in one order, so two engines writing overlapping batches cannot deadlock.
  static final String WRITE =
      """
      WITH relaxed AS (SELECT set_config('synchronous_commit', 'off', true))
      UPDATE devices d SET reported_version = u.version, battery_percent = u.battery,
        free_storage_bytes = u.storage, network_type = u.network_type,
        network_metered = u.metered, network_quality = u.quality,
        utc_offset_minutes = u.utc_offset, last_seen_at = now()
      FROM relaxed, unnest(?::text[], ?::text[], ?::int[], ?::bigint[], ?::text[], ?::boolean[],
                           ?::float8[], ?::int[])
        AS u(id, version, battery, storage, network_type, metered, quality, utc_offset)
      WHERE d.id = u.id
      """;

  /** Bounds one statement's arrays; a longer queue is written by the next statement. */
  static final int MAX_BATCH = 500;

  private record Pending(String deviceId, CheckInReport report, CompletableFuture<Void> written) {}

  private final DataSource dataSource;
  private final ConcurrentLinkedQueue<Pending> queue = new ConcurrentLinkedQueue<>();
  private final ReentrantLock writer = new ReentrantLock();
  private final LongAdder statements = new LongAdder();
  private final LongAdder reports = new LongAdder();

  ReportedStates(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Stores the report; returns once it is committed, with everything queued alongside it. */
  void record(String deviceId, CheckInReport report) {
    Pending pending = new Pending(deviceId, report, new CompletableFuture<>());
    queue.add(pending);
    if (!pending.written().isDone()) {
      writer.lock();
      try {
        while (!pending.written().isDone()) {
          writeQueued();
        }
      } finally {
        writer.unlock();
      }
    }
    try {
      pending.written().join();
    } catch (CompletionException e) {
      throw (RuntimeException) e.getCause();
    }
  }

  /** Reports stored per statement so far: how much the batching saves. */
  double reportsPerStatement() {
    long n = statements.sum();
    return n == 0 ? 0 : reports.sum() / (double) n;
  }

  private void writeQueued() {
    List<Pending> batch = new ArrayList<>();
    for (Pending next; batch.size() < MAX_BATCH && (next = queue.poll()) != null; ) {
      batch.add(next);
    }
    try {
      write(batch);
      statements.increment();
      reports.add(batch.size());
      batch.forEach(pending -> pending.written().complete(null));
    } catch (RuntimeException e) {
      batch.forEach(pending -> pending.written().completeExceptionally(e));
    }
  }

  private void write(List<Pending> batch) {
    // a device queued twice keeps its latest report
    TreeMap<String, CheckInReport> latest = new TreeMap<>();
    batch.forEach(pending -> latest.put(pending.deviceId(), pending.report()));
    List<CheckInReport> reports = new ArrayList<>(latest.values());
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(WRITE)) {
      statement.setArray(1, connection.createArrayOf("text", latest.keySet().toArray()));
      statement.setArray(2, array(connection, "text", reports, r -> r.version().toString()));
      statement.setArray(3, array(connection, "int4", reports, CheckInReport::batteryPercent));
      statement.setArray(4, array(connection, "int8", reports, CheckInReport::freeStorageBytes));
      statement.setArray(5, array(connection, "text", reports, r -> r.network().type()));
      statement.setArray(6, array(connection, "bool", reports, r -> r.network().metered()));
      statement.setArray(7, array(connection, "float8", reports, r -> r.network().quality()));
      statement.setArray(8, array(connection, "int4", reports, CheckInReport::utcOffsetMinutes));
      statement.executeUpdate();
    } catch (SQLException e) {
      throw new StoreException(e);
    }
  }

  private static Array array(
      Connection connection,
      String type,
      List<CheckInReport> reports,
      Function<CheckInReport, Object> value)
      throws SQLException {
    return connection.createArrayOf(type, reports.stream().map(value).toArray());
  }
}
