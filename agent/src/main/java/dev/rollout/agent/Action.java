package dev.rollout.agent;

/** What a check-in answer tells the device to do (docs/device-api.md). */
public enum Action {
  NONE,
  UPDATE,
  ROLLBACK,
  CANCEL
}
