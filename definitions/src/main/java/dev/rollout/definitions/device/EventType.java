package dev.rollout.definitions.device;

/** The event types of the device API, spelled as on the wire. */
public enum EventType {
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
