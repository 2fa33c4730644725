package dev.rollout.definitions.plan;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * @param minQuality 0..1, 0 means no limit
 */
public record NetworkPolicy(double minQuality, Metered metered) {

  public static final NetworkPolicy DEFAULT = new NetworkPolicy(0, Metered.ALLOW);

  public NetworkPolicy {
    requireNonNull(metered, "metered");
  }

  /** What a device on a metered link may do; in JSON as the plan spells it. */
  public enum Metered {
    /** download whenever the rest of the policy allows it */
    ALLOW("allow"),
    /** download only inside the device-local off-peak window */
    OFF_PEAK("offPeak"),
    /** the user approves the download on the device */
    ASK("ask");

    private final String spelling;

    Metered(String spelling) {
      this.spelling = spelling;
    }

    @JsonValue
    public String spelling() {
      return spelling;
    }
  }
}
