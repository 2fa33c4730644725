package dev.rollout.activities.release;

import dev.rollout.definitions.plan.Problem;
import dev.rollout.definitions.policy.VersionPolicy;
import dev.rollout.definitions.version.SemVer;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A version policy as an operator sends it (every field required: a PUT replaces the policy). The
 * fields are raw so that {@link #validate()} can report every problem with its path.
 */
public record PolicyInput(
    String minSupportedVersion, Integer serverApiVersion, List<String> criticalMigrations) {

  // version_key() in SQL orders versions with at most 6 digits per part
  private static final Pattern STORABLE = Pattern.compile("\\d{1,6}\\.\\d{1,6}\\.\\d{1,6}(-.*)?");

  /** The policy, or every problem found. */
  public VersionPolicy validate() {
    List<Problem> problems = new ArrayList<>();
    SemVer minimum = version("minSupportedVersion", minSupportedVersion, problems);
    if (serverApiVersion == null) {
      problems.add(new Problem("serverApiVersion", "REQUIRED", "serverApiVersion is required"));
    } else if (serverApiVersion < 1) {
      problems.add(
          new Problem(
              "serverApiVersion", "OUT_OF_RANGE", "must be at least 1, got " + serverApiVersion));
    }
    List<SemVer> migrations = new ArrayList<>();
    if (criticalMigrations == null) {
      problems.add(
          new Problem(
              "criticalMigrations", "REQUIRED", "criticalMigrations is required ([] for none)"));
    } else {
      for (int i = 0; i < criticalMigrations.size(); i++) {
        migrations.add(
            version("criticalMigrations[" + i + "]", criticalMigrations.get(i), problems));
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException("the version policy is invalid", problems);
    }
    return new VersionPolicy(minimum, serverApiVersion, migrations);
  }

  private static SemVer version(String path, String text, List<Problem> problems) {
    if (text == null) {
      problems.add(new Problem(path, "REQUIRED", path + " is required"));
      return null;
    }
    try {
      SemVer version = SemVer.parse(text);
      if (!STORABLE.matcher(version.toString()).matches()) {
        problems.add(
            new Problem(path, "OUT_OF_RANGE", "each version part is at most 6 digits: " + text));
      }
      return version;
    } catch (IllegalArgumentException e) {
      problems.add(new Problem(path, "INVALID_VERSION", e.getMessage()));
      return null;
    }
  }
}
