package dev.rollout.definitions.plan;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * How fast devices are assigned (offered the update).
 *
 * @param maxPerMinute 0 means unlimited
 * @param ramp null means the full rate from the start
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Rate(@JsonInclude(JsonInclude.Include.NON_DEFAULT) int maxPerMinute, Ramp ramp) {

  public static final Rate UNLIMITED = new Rate(0, null);

  @JsonIgnore
  public boolean unlimited() {
    return maxPerMinute == 0;
  }

  /**
   * Exponential ramp: start at {@code startPerMinute}, multiply by {@code factor} after every
   * {@code every} devices assigned, never above {@code maxPerMinute}.
   */
  public record Ramp(int startPerMinute, double factor, int every) {}
}
