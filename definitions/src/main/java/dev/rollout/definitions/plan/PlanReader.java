package dev.rollout.definitions.plan;

import dev.rollout.definitions.version.SemVer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** The document root: reads every section, then runs the checks that span sections. */
final class PlanReader {

  private static final List<String> FIELDS =
      List.of(
          "apiVersion",
          "name",
          "release",
          "target",
          "devicePolicy",
          "rate",
          "window",
          "phases",
          "rollback");

  private PlanReader() {}

  static PlanResult read(Node root) {
    Problems problems = root.problems();
    if (!root.isObjectOf(FIELDS)) {
      return new PlanResult.Invalid(problems.sorted());
    }
    String apiVersion = apiVersion(root.field("apiVersion"));
    Node nameNode = root.field("name");
    nameNode.requirePresent();
    String name = Names.check(nameNode);
    String release = release(root.field("release"));
    Target target = TargetReader.read(root.field("target"));
    DevicePolicy devicePolicy = DevicePolicyReader.read(root.field("devicePolicy"));
    Rate rate = PacingReader.rate(root.field("rate"));
    Window window = PacingReader.window(root.field("window"));
    List<PhaseReader.Draft> phases = phases(root.field("phases"));
    RollbackPolicy rollback = GateReader.rollback(root.field("rollback"));
    PlanChecks.uniqueNames(phases);
    PlanChecks.percentsNeverDecrease(phases);
    PlanChecks.windowOutlastsSoaks(root.field("window"), window, phases);
    PlanChecks.rollbackAllowed(rollback, phases);
    if (!problems.isEmpty()) {
      return new PlanResult.Invalid(problems.sorted());
    }
    List<Phase> built =
        phases.stream().map(PhaseReader.Draft::phase).map(Objects::requireNonNull).toList();
    return new PlanResult.Valid(
        new Plan(apiVersion, name, release, target, devicePolicy, rate, window, built, rollback));
  }

  private static String apiVersion(Node node) {
    node.requirePresent();
    String apiVersion = Values.text(node);
    if (apiVersion != null && !apiVersion.equals(Plan.API_VERSION)) {
      node.problem(
          "INVALID_VALUE", "must be " + Plan.API_VERSION + ", got " + Describe.value(node.value()));
    }
    return apiVersion;
  }

  private static String release(Node node) {
    node.requirePresent();
    SemVer release =
        Values.parsed(node, "INVALID_VERSION", "a semantic version such as 2.4.0", SemVer::parse);
    return release == null ? null : release.toString();
  }

  private static List<PhaseReader.Draft> phases(Node node) {
    node.requirePresent();
    List<PhaseReader.Draft> drafts = new ArrayList<>();
    if (!node.isPresent() || !node.expect(node.value().isArray(), "a list of phases")) {
      return drafts;
    }
    if (node.value().isEmpty()) {
      node.problem("EMPTY", "must have at least one phase");
    }
    for (Node element : node.elements()) {
      drafts.add(PhaseReader.read(element));
    }
    return drafts;
  }
}
