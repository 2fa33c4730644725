package dev.rollout.definitions.device;

/** Where a device's rollback offer stands, as stored in {@code assignments.rollback_state}. */
public enum RollbackState {
  OFFERED,
  DONE,
  FAILED
}
