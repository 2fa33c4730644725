package dev.rollout.agent;

/** The event types of docs/device-api.md, in the order an update reports them. */
enum EventType {
  DOWNLOAD_STARTED,
  DOWNLOAD_FINISHED,
  VERIFIED,
  INSTALLED,
  REBOOTED,
  HEALTH,
  FAILED,
  DEFERRED,
  ROLLED_BACK,
  ROLLBACK_FAILED
}
