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

  private final ProcessHandle postmaster;
  private final long engineStart;
  private final long databaseStart;

  private CpuMeter(ProcessHandle postmaster) {
    this.postmaster = postmaster;
    this.engineStart = engineNanos();
    this.databaseStart = databaseNanos();
  }

  /** Starts measuring; the PostgreSQL server is found through a backend of this data source. */
  static CpuMeter start(DataSource dataSource) {
    long backend =
        Jdbc.inTransaction(
            dataSource, connection -> Jdbc.queryLong(connection, "SELECT pg_backend_pid()"));
    return new CpuMeter(ProcessHandle.of(backend).flatMap(ProcessHandle::parent).orElseThrow());
  }

  record Usage(double engineMillis, double databaseMillis) {
    String perRequest(long requests) {
      double n = Math.max(1, requests);
      return String.format(
          "cpu-per-check-in: engine=%.3fms database=%.3fms", engineMillis / n, databaseMillis / n);
    }
  }

  Usage stop() {
    return new Usage((engineNanos() - engineStart) / 1e6, (databaseNanos() - databaseStart) / 1e6);
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
