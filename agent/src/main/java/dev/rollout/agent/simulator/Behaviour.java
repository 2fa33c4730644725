package dev.rollout.agent.simulator;

/**
 * How a release behaves on a hardware model, as probabilities per update attempt.
 *
 * @param installFailure the installer fails (FAILED INSTALL_FAILED)
 * @param bootLoop the new slot does not boot; the device falls back (FAILED BOOT_FAILED)
 * @param unhealthy boots, but the post-update health check fails
 */
public record Behaviour(double installFailure, double bootLoop, double unhealthy) {

  public static final Behaviour GOOD = new Behaviour(0, 0, 0);

  public Behaviour {
    check(installFailure, "installFailure");
    check(bootLoop, "bootLoop");
    check(unhealthy, "unhealthy");
  }

  private static void check(double p, String name) {
    if (!(p >= 0 && p <= 1)) {
      throw new IllegalArgumentException(name + " must be a probability 0..1, got " + p);
    }
  }
}
