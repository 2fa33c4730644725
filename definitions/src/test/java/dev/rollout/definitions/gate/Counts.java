package dev.rollout.definitions.gate;

import java.time.Duration;

/** Builds phase counts for tests, naming only what matters. */
record Counts(
    long succeeded,
    long failed,
    long timedOut,
    long quarantined,
    long unhealthy,
    long supportTickets,
    Duration downloadP90) {

  static Counts of(long succeeded, long failed) {
    return new Counts(succeeded, failed, 0, 0, 0, 0, null);
  }

  Counts timedOut(long n) {
    return new Counts(succeeded, failed, n, quarantined, unhealthy, supportTickets, downloadP90);
  }

  Counts quarantined(long n) {
    return new Counts(succeeded, failed, timedOut, n, unhealthy, supportTickets, downloadP90);
  }

  Counts unhealthy(long n) {
    return new Counts(succeeded, failed, timedOut, quarantined, n, supportTickets, downloadP90);
  }

  Counts tickets(long n) {
    return new Counts(succeeded, failed, timedOut, quarantined, unhealthy, n, downloadP90);
  }

  Counts p90(Duration d) {
    return new Counts(succeeded, failed, timedOut, quarantined, unhealthy, supportTickets, d);
  }

  PhaseCounts build() {
    long completed = succeeded + failed + timedOut + quarantined;
    return new PhaseCounts(
        completed + 7,
        3,
        2,
        2,
        succeeded,
        failed,
        timedOut,
        quarantined,
        0,
        0,
        0,
        unhealthy,
        supportTickets,
        downloadP90);
  }
}
