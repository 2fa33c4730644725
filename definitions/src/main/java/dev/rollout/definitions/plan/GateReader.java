package dev.rollout.definitions.plan;

import java.time.Duration;
import java.util.List;

/**
 * {@code phases[].gate} and {@code rollback}: the brakes. Each field left out takes its default; a
 * field given wrongly is an error, never a brake quietly switched off.
 */
final class GateReader {

  private static final List<String> GATE_FIELDS =
      List.of(
          "minDevices",
          "successRate",
          "confidence",
          "maxFailureRate",
          "maxHealthRegression",
          "maxSupportTickets",
          "maxDownloadP90");
  private static final List<String> ROLLBACK_FIELDS = List.of("auto", "failureRate", "minDevices");
  private static final Range CONFIDENCE = Range.between(0.8, 0.999);

  private GateReader() {}

  static Gate gate(Node node) {
    if (!node.isPresent()) {
      return Gate.DEFAULT;
    }
    if (!node.isObjectOf(GATE_FIELDS)) {
      return null;
    }
    int before = node.problems().size();
    Gate d = Gate.DEFAULT;
    Integer minDevices = Values.integer(node.field("minDevices"), Range.POSITIVE);
    Double successRate = Values.number(node.field("successRate"), Range.RATE);
    Double confidence = Values.number(node.field("confidence"), CONFIDENCE);
    Double maxFailureRate = Values.number(node.field("maxFailureRate"), Range.RATE);
    Double maxHealthRegression = Values.number(node.field("maxHealthRegression"), Range.RATE);
    Integer maxSupportTickets = Values.integer(node.field("maxSupportTickets"), Range.COUNT);
    Duration maxDownloadP90 = Values.duration(node.field("maxDownloadP90"));
    if (node.problems().size() != before) {
      return null;
    }
    return new Gate(
        minDevices == null ? d.minDevices() : minDevices,
        successRate == null ? d.successRate() : successRate,
        confidence == null ? d.confidence() : confidence,
        maxFailureRate == null ? d.maxFailureRate() : maxFailureRate,
        maxHealthRegression,
        maxSupportTickets,
        maxDownloadP90);
  }

  static RollbackPolicy rollback(Node node) {
    if (!node.isPresent()) {
      return RollbackPolicy.DEFAULT;
    }
    if (!node.isObjectOf(ROLLBACK_FIELDS)) {
      return null;
    }
    int before = node.problems().size();
    RollbackPolicy d = RollbackPolicy.DEFAULT;
    Boolean auto = Values.bool(node.field("auto"));
    Double failureRate = Values.number(node.field("failureRate"), Range.RATE);
    Integer minDevices = Values.integer(node.field("minDevices"), Range.POSITIVE);
    if (node.problems().size() != before) {
      return null;
    }
    return new RollbackPolicy(
        auto == null ? d.auto() : auto,
        failureRate == null ? d.failureRate() : failureRate,
        minDevices == null ? d.minDevices() : minDevices);
  }
}
