package dev.rollout.activities.dashboard;

import dev.rollout.activities.dashboard.StoreDashboard.SupportCase;
import dev.rollout.activities.dashboard.StoreDashboard.SupportQueue;
import dev.rollout.activities.mgmt.SupportCases;
import dev.rollout.activities.mgmt.SupportQueue.Advice;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * The open support queue, newest first and bounded, with each device's assignment and the
 * playbook's advice for its error code (none without an entry of its own): {@link SupportCases},
 * the read the mgmt API's queue shares.
 */
final class SupportQueries {

  private SupportQueries() {}

  static SupportQueue read(Connection connection, int limit) throws SQLException {
    return new SupportQueue(
        SupportCases.total(connection),
        SupportCases.open(connection, SupportCases.Order.NEWEST_FIRST, limit).stream()
            .map(SupportQueries::supportCase)
            .toList());
  }

  private static SupportCase supportCase(SupportCases.Case open) {
    Advice advice = open.advice();
    return new SupportCase(
        open.rolloutId(),
        open.deviceId(),
        open.phase(),
        open.reason(),
        open.errorCode(),
        open.enteredAt(),
        open.outcome(),
        open.attempts(),
        open.errorDetail(),
        open.hardwareModel(),
        open.version(),
        advice == null ? null : advice.cause(),
        advice == null ? null : advice.nextSteps(),
        advice == null ? null : advice.retryable());
  }
}
