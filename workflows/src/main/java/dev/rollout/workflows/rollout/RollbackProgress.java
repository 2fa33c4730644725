package dev.rollout.workflows.rollout;

/**
 * @param offered devices of the phase offered their previous version (in total)
 * @param rolledBack of those, back on their previous version
 * @param failed of those, reported a failed rollback
 * @param cancelled pending offers cancelled (in total)
 */
public record RollbackProgress(long offered, long rolledBack, long failed, long cancelled) {

  public boolean done() {
    return rolledBack + failed >= offered;
  }
}
