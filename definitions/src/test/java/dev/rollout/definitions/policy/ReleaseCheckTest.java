package dev.rollout.definitions.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.rollout.definitions.plan.Problem;
import dev.rollout.definitions.release.ReleaseManifest;
import dev.rollout.definitions.version.SemVer;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReleaseCheckTest {

  private static final VersionPolicy POLICY = new VersionPolicy(v("2.0.0"), 3, List.of());
  private static final ReleaseCatalog CATALOG =
      ReleaseCatalog.of(
          new AvailableRelease(v("1.9.0"), Set.of("th-100"), 1, false),
          new AvailableRelease(v("2.4.0"), Set.of("th-100"), 3, false),
          new AvailableRelease(v("2.5.0"), Set.of("th-100"), 4, false));

  @Test
  void acceptsAKnownReleaseThisServerCanServe() {
    assertThat(ReleaseCheck.check(POLICY, CATALOG, v("2.4.0"))).isEmpty();
  }

  @Test
  void refusesAnUnknownRelease() {
    assertThat(ReleaseCheck.check(POLICY, CATALOG, v("2.4.1")))
        .containsExactly(
            new Problem("release", "UNKNOWN_RELEASE", "release 2.4.1 is not registered"));
  }

  @Test
  void refusesAReleaseNeedingANewerServerApiNamingBothNumbers() {
    assertThat(ReleaseCheck.check(POLICY, CATALOG, v("2.5.0")))
        .containsExactly(
            new Problem(
                "release",
                "SERVER_API_TOO_OLD",
                "release 2.5.0 needs server API 4, this server runs 3"));
  }

  @Test
  void refusesAReleaseBelowTheMinimumSupportedVersion() {
    assertThat(ReleaseCheck.check(POLICY, CATALOG, v("1.9.0")))
        .containsExactly(
            new Problem(
                "release",
                "BELOW_MINIMUM_SUPPORTED",
                "release 1.9.0 is below the minimum supported version 2.0.0"));
  }

  @Test
  void reportsEveryProblemAtOnce() {
    assertThat(ReleaseCheck.check(POLICY, CATALOG, v("1.0.0")))
        .extracting(Problem::code)
        .containsExactly("UNKNOWN_RELEASE", "BELOW_MINIMUM_SUPPORTED");
  }

  @Test
  void buildsTheCatalogFromManifestsAndRefusesAVersionTwice() {
    ReleaseManifest manifest =
        new ReleaseManifest(
            "thermostat", v("2.4.0"), List.of("th-100"), 1, "a".repeat(64), 2, true, List.of());
    AvailableRelease release = AvailableRelease.of(manifest);

    assertThat(release).isEqualTo(new AvailableRelease(v("2.4.0"), Set.of("th-100"), 2, true));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> ReleaseCatalog.of(release, release))
        .withMessage("release 2.4.0 is listed twice");
  }

  @Test
  void policyKeepsMigrationsSortedWithoutRepeats() {
    VersionPolicy policy =
        new VersionPolicy(v("2.0.0"), 1, List.of(v("3.0.0"), v("2.2.0"), v("3.0.0")));

    assertThat(policy.criticalMigrations()).containsExactly(v("2.2.0"), v("3.0.0"));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new VersionPolicy(v("2.0.0"), 0, List.of()));
  }

  private static SemVer v(String text) {
    return SemVer.parse(text);
  }
}
