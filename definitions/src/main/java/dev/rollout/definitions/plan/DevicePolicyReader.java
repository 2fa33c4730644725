package dev.rollout.definitions.plan;

import dev.rollout.definitions.plan.NetworkPolicy.Metered;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** {@code devicePolicy}: preflight conditions sent to devices with the offer. */
final class DevicePolicyReader {

  private static final List<String> FIELDS =
      List.of(
          "minBatteryPercent",
          "minFreeStorageBytes",
          "network",
          "offPeakWindow",
          "inProgressTimeout",
          "maxAttempts");
  private static final List<String> NETWORK_FIELDS = List.of("minQuality", "metered");
  private static final Map<String, Metered> METERED =
      Values.spellings(Metered.values(), Metered::spelling);
  private static final Range STORAGE = Range.between(1, 1e15);

  private DevicePolicyReader() {}

  static DevicePolicy read(Node node) {
    if (!node.isPresent()) {
      return DevicePolicy.DEFAULT;
    }
    if (!node.isObjectOf(FIELDS)) {
      return null;
    }
    int before = node.problems().size();
    Integer battery = Values.integer(node.field("minBatteryPercent"), Range.between(0, 100));
    Long storage = storage(node.field("minFreeStorageBytes"));
    NetworkPolicy network = network(node.field("network"));
    DailyWindow offPeak = offPeakWindow(node.field("offPeakWindow"), network);
    Duration timeout = Values.duration(node.field("inProgressTimeout"));
    Integer attempts = Values.integer(node.field("maxAttempts"), Range.between(1, 100));
    if (node.problems().size() != before) {
      return null;
    }
    return new DevicePolicy(
        battery == null ? 0 : battery,
        storage,
        network,
        offPeak,
        timeout == null ? DevicePolicy.DEFAULT_IN_PROGRESS_TIMEOUT : timeout,
        attempts == null ? DevicePolicy.DEFAULT_MAX_ATTEMPTS : attempts);
  }

  /** Null means "auto"; a bad value is recorded as a problem. */
  private static Long storage(Node node) {
    if (!node.isPresent() || "auto".equals(node.value().textValue())) {
      return null;
    }
    if (node.value().isTextual()) {
      node.problem(
          "INVALID_VALUE",
          "must be a positive whole number of bytes or 'auto', got "
              + Describe.value(node.value()));
      return null;
    }
    return Values.whole(node, STORAGE);
  }

  private static NetworkPolicy network(Node node) {
    if (!node.isPresent()) {
      return NetworkPolicy.DEFAULT;
    }
    if (!node.isObjectOf(NETWORK_FIELDS)) {
      return null;
    }
    Double quality = Values.number(node.field("minQuality"), Range.RATE);
    Metered metered = Values.choice(node.field("metered"), METERED);
    boolean bad =
        (quality == null && node.field("minQuality").isPresent())
            || (metered == null && node.field("metered").isPresent());
    return bad
        ? null
        : new NetworkPolicy(
            quality == null ? 0 : quality, metered == null ? Metered.ALLOW : metered);
  }

  private static DailyWindow offPeakWindow(Node node, NetworkPolicy network) {
    if (!node.isPresent()) {
      if (network != null && network.metered() == Metered.OFF_PEAK) {
        node.problem("REQUIRED", "is required when network.metered is offPeak");
      }
      return null;
    }
    return Values.parsed(
        node, "INVALID_TIME_WINDOW", "a daily window such as '01:00-05:00'", DailyWindow::parse);
  }
}
