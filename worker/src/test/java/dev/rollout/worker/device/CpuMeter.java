package dev.rollout.worker.device;

import com.sun.management.OperatingSystemMXBean;
import dev.rollout.activities.store.Jdbc;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.stream.Stream;
import javax.sql.DataSource;

/**
 * CPU time spent by this JVM (the engine) and by the PostgreSQL server tree while a benchmark runs.
 * CPU per request depends far less on what else the machine is doing than requests per second, so
 * it is the figure to compare between runs; the capacity of the machine follows from it.
 */
final class CpuMeter {

  // what PostgreSQL did, from its statistics views (PostgreSQL 14+)
  private static final String ACTIVITY =
      """
      SELECT w.wal_records, w.wal_fpi, w.wal_bytes, d.xact_commit, d.blks_read, d.blks_hit,
        t.n_tup_upd, t.n_tup_hot_upd, b.checkpoints_timed + b.checkpoints_req
      FROM pg_stat_wal w, pg_stat_database d, pg_stat_user_tables t, pg_stat_bgwriter b
      WHERE d.datname = current_database() AND t.relname = 'devices'
      """;

  private final DataSource dataSource;
  private final ProcessHandle postmaster;
  private final long engineStart;
  private final long databaseStart;
  private final long[] activityStart;

  private CpuMeter(DataSource dataSource, ProcessHandle postmaster) {
    this.dataSource = dataSource;
    this.postmaster = postmaster;
    this.engineStart = engineNanos();
    this.databaseStart = databaseNanos();
    this.activityStart = activity();
  }

  /** Starts measuring; the PostgreSQL server is found through a backend of this data source. */
  static CpuMeter start(DataSource dataSource) {
    long backend =
        Jdbc.inTransaction(
            dataSource, connection -> Jdbc.queryLong(connection, "SELECT pg_backend_pid()"));
    return new CpuMeter(
        dataSource, ProcessHandle.of(backend).flatMap(ProcessHandle::parent).orElseThrow());
  }

  record Usage(double engineMillis, double databaseMillis, long[] activity) {
    String perRequest(long requests) {
      double n = Math.max(1, requests);
      return String.format(
          "cpu-per-check-in: engine=%.3fms database=%.3fms per-check-in: wal-records=%.1f"
              + " wal-full-pages=%.2f wal-bytes=%.0f commits=%.2f blocks-read=%.2f blocks-hit=%.1f"
              + " device-updates-hot=%.0f%% checkpoints=%d",
          engineMillis / n,
          databaseMillis / n,
          activity[0] / n,
          activity[1] / n,
          activity[2] / n,
          activity[3] / n,
          activity[4] / n,
          activity[5] / n,
          100.0 * activity[7] / Math.max(1, activity[6]),
          activity[8]);
    }
  }

  Usage stop() {
    long[] activity = activity();
    for (int i = 0; i < activity.length; i++) {
      activity[i] -= activityStart[i];
    }
    return new Usage(
        (engineNanos() - engineStart) / 1e6, (databaseNanos() - databaseStart) / 1e6, activity);
  }

  private long[] activity() {
    return Jdbc.inTransaction(
            dataSource,
            connection ->
                Jdbc.query(
                    connection,
                    ACTIVITY,
                    row -> {
                      long[] values = new long[9];
                      for (int i = 0; i < values.length; i++) {
                        values[i] = row.getLong(i + 1);
                      }
                      return values;
                    }))
        .get(0);
  }

  private static long engineNanos() {
    return ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  // backends that exit take their CPU time with them; the pool keeps its connections open
  private long databaseNanos() {
    return Stream.concat(Stream.of(postmaster), postmaster.descendants())
        .mapToLong(p -> p.info().totalCpuDuration().map(Duration::toNanos).orElse(0L))
        .sum();
  }
}
