package dev.rollout.definitions.plan;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/** One element of {@code phases}, read into a draft that keeps its nodes for the plan checks. */
final class PhaseReader {

  private static final List<String> FIELDS =
      List.of("name", "cohort", "soak", "gate", "onFailure", "approval");
  private static final List<String> COHORT_FIELDS =
      List.of("percent", "tags", "hardwareModels", "regions");
  private static final Range PERCENT = new Range(0, false, 100, true, false);
  private static final Map<String, Phase.OnFailure> ON_FAILURE =
      Values.spellings(Phase.OnFailure.values(), Phase.OnFailure::spelling);
  private static final Map<String, Phase.Approval> APPROVAL =
      Values.spellings(Phase.Approval.values(), Phase.Approval::spelling);

  private PhaseReader() {}

  /** What the plan checks need of a phase; a value is null when it was absent or invalid. */
  record Draft(
      Node node,
      String name,
      Double percent,
      Duration soak,
      Phase.OnFailure onFailure,
      Phase phase) {}

  static Draft read(Node node) {
    if (!node.isObjectOf(FIELDS)) {
      return new Draft(node, null, null, null, null, null);
    }
    int before = node.problems().size();
    Node nameNode = node.field("name");
    nameNode.requirePresent();
    String name = Names.check(nameNode);
    Node cohortNode = node.field("cohort");
    Double percent = percent(cohortNode);
    Cohort cohort = cohort(cohortNode, percent);
    Node soakNode = node.field("soak");
    soakNode.requirePresent();
    Duration soak = Values.duration(soakNode);
    Gate gate = GateReader.gate(node.field("gate"));
    Phase.OnFailure onFailure = Values.choice(node.field("onFailure"), ON_FAILURE);
    Phase.Approval approval = Values.choice(node.field("approval"), APPROVAL);
    Phase phase = null;
    if (node.problems().size() == before) {
      phase =
          new Phase(
              name,
              cohort,
              soak,
              gate,
              orDefault(onFailure, Phase.OnFailure.PAUSE),
              orDefault(approval, Phase.Approval.AUTO));
    }
    return new Draft(node, name, percent, soak, onFailure, phase);
  }

  private static Double percent(Node cohort) {
    if (!cohort.isPresent()) {
      cohort.problem("REQUIRED", "is required, with at least a percent such as {percent: 5}");
      return null;
    }
    if (!cohort.isObjectOf(COHORT_FIELDS)) {
      return null;
    }
    Node percent = cohort.field("percent");
    percent.requirePresent();
    return Values.number(percent, PERCENT);
  }

  private static Cohort cohort(Node node, Double percent) {
    if (!node.value().isObject()) {
      return null;
    }
    int before = node.problems().size();
    Map<String, String> tags = Values.stringMap(node.field("tags"));
    List<String> hardwareModels = Values.strings(node.field("hardwareModels"), Label.MODEL);
    List<String> regions = Values.strings(node.field("regions"), Label.REGION);
    if (percent == null || node.problems().size() != before) {
      return null;
    }
    return new Cohort(
        TargetReader.orEmpty(tags),
        TargetReader.orEmpty(hardwareModels),
        TargetReader.orEmpty(regions),
        percent);
  }

  private static <T> T orDefault(T value, T fallback) {
    return value == null ? fallback : value;
  }
}
