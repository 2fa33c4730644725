package dev.rollout.definitions.gate;

public enum Verdict {
  PASS,
  FAIL,
  INCONCLUSIVE
}
