package dev.rollout.definitions.plan;

import dev.rollout.definitions.version.VersionRange;
import java.util.List;
import java.util.Map;

/** {@code target}: the population in scope; absent means the whole fleet. */
final class TargetReader {

  private static final List<String> FIELDS =
      List.of("hardwareModels", "regions", "versions", "tags");

  private TargetReader() {}

  static Target read(Node node) {
    if (!node.isPresent()) {
      return Target.EVERYONE;
    }
    if (!node.isObjectOf(FIELDS)) {
      return null;
    }
    int before = node.problems().size();
    List<String> hardwareModels = Values.strings(node.field("hardwareModels"), Label.MODEL);
    List<String> regions = Values.strings(node.field("regions"), Label.REGION);
    VersionRange versions = versions(node.field("versions"));
    Map<String, String> tags = Values.stringMap(node.field("tags"));
    if (node.problems().size() != before) {
      return null;
    }
    return new Target(orEmpty(hardwareModels), orEmpty(regions), versions, orEmpty(tags));
  }

  static VersionRange versions(Node node) {
    return Values.parsed(
        node,
        "INVALID_VERSION_RANGE",
        "a version range such as '>=2.0.0 <2.4.0'",
        VersionRange::parse);
  }

  static <T> List<T> orEmpty(List<T> list) {
    return list == null ? List.of() : list;
  }

  static <K, V> Map<K, V> orEmpty(Map<K, V> map) {
    return map == null ? Map.of() : map;
  }
}
