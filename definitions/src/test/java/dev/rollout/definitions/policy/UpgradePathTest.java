package dev.rollout.definitions.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rollout.definitions.policy.Offer.Reason;
import dev.rollout.definitions.version.SemVer;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class UpgradePathTest {

  private static final Set<String> BOTH = Set.of("th-100", "th-200");
  private static final VersionPolicy POLICY = new VersionPolicy(v("2.0.0"), 3, List.of());

  // 2.0.0 -> 2.1.0 -> 2.2.0 (critical) -> 2.3.0 -> 2.4.0, all for both models
  private static final ReleaseCatalog LADDER =
      ReleaseCatalog.of(
          release("2.0.0", BOTH, false),
          release("2.1.0", BOTH, false),
          release("2.2.0", BOTH, true),
          release("2.3.0", BOTH, false),
          release("2.4.0", BOTH, false));

  @Test
  void offersTheCriticalMigrationFirstToADeviceBeforeIt() {
    assertThat(next(LADDER, "2.1.0", "th-100", "2.4.0"))
        .isEqualTo(new Offer.SteppingStone(v("2.2.0")));
  }

  @Test
  void offersTheTargetDirectlyOnceTheMigrationIsPassed() {
    assertThat(next(LADDER, "2.3.0", "th-100", "2.4.0")).isEqualTo(new Offer.Direct(v("2.4.0")));
    assertThat(next(LADDER, "2.2.0", "th-100", "2.4.0")).isEqualTo(new Offer.Direct(v("2.4.0")));
  }

  @Test
  void offersTheMigrationItselfDirectlyWhenItIsTheTarget() {
    assertThat(next(LADDER, "2.0.0", "th-100", "2.2.0")).isEqualTo(new Offer.Direct(v("2.2.0")));
  }

  @Test
  void requiresMigrationWhenTheSteppingStoneLacksTheModel() {
    ReleaseCatalog catalog =
        ReleaseCatalog.of(
            release("2.1.0", BOTH, false),
            release("2.2.0", Set.of("th-100"), true),
            release("2.4.0", BOTH, false));

    assertThat(next(catalog, "2.1.0", "th-200", "2.4.0"))
        .isEqualTo(
            new Offer.Ineligible(
                Reason.MIGRATION_REQUIRED,
                "critical migration 2.2.0 lies before 2.4.0 but is not built for th-200"));
    assertThat(next(catalog, "2.1.0", "th-100", "2.4.0"))
        .isEqualTo(new Offer.SteppingStone(v("2.2.0")));
  }

  @Test
  void stepsThroughSeveralMigrationsLowestFirst() {
    ReleaseCatalog catalog =
        ReleaseCatalog.of(
            release("2.2.0", BOTH, true),
            release("3.0.0", BOTH, true),
            release("3.1.0", BOTH, false));

    assertThat(next(catalog, "2.1.0", "th-100", "3.1.0"))
        .isEqualTo(new Offer.SteppingStone(v("2.2.0")));
    assertThat(next(catalog, "2.2.0", "th-100", "3.1.0"))
        .isEqualTo(new Offer.SteppingStone(v("3.0.0")));
    assertThat(next(catalog, "3.0.0", "th-100", "3.1.0")).isEqualTo(new Offer.Direct(v("3.1.0")));
  }

  @Test
  void honoursCriticalMigrationsNamedOnlyByThePolicy() {
    VersionPolicy policy = new VersionPolicy(v("2.0.0"), 3, List.of(v("2.3.0")));

    assertThat(UpgradePath.next(policy, LADDER, v("2.2.0"), "th-100", v("2.4.0")))
        .isEqualTo(new Offer.SteppingStone(v("2.3.0")));
  }

  @Test
  void requiresMigrationWhenThePolicysMigrationIsNotInTheCatalog() {
    VersionPolicy policy = new VersionPolicy(v("2.0.0"), 3, List.of(v("2.3.5")));

    Offer offer = UpgradePath.next(policy, LADDER, v("2.3.0"), "th-100", v("2.4.0"));

    assertThat(offer).isInstanceOf(Offer.Ineligible.class);
    assertThat(((Offer.Ineligible) offer).reason()).isEqualTo(Reason.MIGRATION_REQUIRED);
  }

  @Test
  void requiresMigrationWhenTheSteppingStoneNeedsANewerServer() {
    ReleaseCatalog catalog =
        ReleaseCatalog.of(
            new AvailableRelease(v("2.2.0"), BOTH, 4, true), release("2.4.0", BOTH, false));

    assertThat(reason(next(catalog, "2.1.0", "th-100", "2.4.0")))
        .isEqualTo(Reason.MIGRATION_REQUIRED);
  }

  @Test
  void refusesDevicesBelowTheMinimumSupportedVersion() {
    VersionPolicy policy = new VersionPolicy(v("2.1.0"), 3, List.of());

    Offer offer = UpgradePath.next(policy, LADDER, v("2.0.0"), "th-100", v("2.4.0"));

    assertThat(offer)
        .isEqualTo(
            new Offer.Ineligible(
                Reason.UNSUPPORTED_VERSION, "runs 2.0.0, below the minimum supported 2.1.0"));
  }

  @Test
  void refusesHardwareTheTargetIsNotBuiltFor() {
    assertThat(reason(next(LADDER, "2.3.0", "th-300", "2.4.0")))
        .isEqualTo(Reason.INCOMPATIBLE_HARDWARE);
  }

  @Test
  void offersNothingToDevicesAtOrAboveTheTarget() {
    assertThat(reason(next(LADDER, "2.4.0", "th-100", "2.4.0"))).isEqualTo(Reason.ALREADY_CURRENT);
    assertThat(reason(next(LADDER, "2.5.0", "th-100", "2.4.0"))).isEqualTo(Reason.ALREADY_CURRENT);
  }

  @Test
  void treatsAPreReleaseBelowItsReleaseAndOffersTheRelease() {
    assertThat(next(LADDER, "2.4.0-rc.1", "th-100", "2.4.0"))
        .isEqualTo(new Offer.Direct(v("2.4.0")));
    assertThat(next(LADDER, "2.2.0-rc.1", "th-100", "2.4.0"))
        .isEqualTo(new Offer.SteppingStone(v("2.2.0")));
  }

  @Test
  void refusesATargetTheCatalogDoesNotHold() {
    assertThat(reason(next(LADDER, "2.3.0", "th-100", "2.9.0"))).isEqualTo(Reason.UNKNOWN_RELEASE);
  }

  private static Offer next(ReleaseCatalog catalog, String device, String model, String target) {
    return UpgradePath.next(POLICY, catalog, v(device), model, v(target));
  }

  private static Reason reason(Offer offer) {
    assertThat(offer).isInstanceOf(Offer.Ineligible.class);
    return ((Offer.Ineligible) offer).reason();
  }

  static AvailableRelease release(String version, Set<String> models, boolean critical) {
    return new AvailableRelease(v(version), models, 1, critical);
  }

  static SemVer v(String text) {
    return SemVer.parse(text);
  }
}
