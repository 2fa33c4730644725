package dev.rollout.definitions.device;

/**
 * Why an assigned device is held back at check-in; stored as {@code assignments.deferred_reason}.
 */
public enum DeferReason {
  LOW_BATTERY,
  LOW_STORAGE,
  POOR_NETWORK,
  METERED_OUTSIDE_OFF_PEAK
}
