package dev.rollout.definitions.plan;

/**
 * The fleet-wide brake, checked with every measurement: with at least {@code minDevices} completed
 * across the rollout, a failure rate above {@code failureRate} rolls everything back (when {@code
 * auto}).
 */
public record RollbackPolicy(boolean auto, double failureRate, int minDevices) {

  public static final RollbackPolicy DEFAULT = new RollbackPolicy(true, 0.10, 50);
}
