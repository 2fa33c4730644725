package dev.rollout.definitions.release;

import dev.rollout.definitions.version.SemVer;
import java.util.List;

/** A fixed, valid manifest to vary in tests. */
final class Manifests {

  static final String SHA256 = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

  private Manifests() {}

  static ReleaseManifest thermostat() {
    return new ReleaseManifest(
        "thermostat",
        SemVer.parse("2.4.0"),
        List.of("th-100", "th-200"),
        1_048_576,
        SHA256,
        3,
        false,
        List.of(SemVer.parse("2.3.0"), SemVer.parse("2.2.1")));
  }

  static ReleaseManifest withProduct(String product) {
    ReleaseManifest m = thermostat();
    return new ReleaseManifest(
        product,
        m.version(),
        m.hardwareModels(),
        m.size(),
        m.sha256(),
        m.minServerApi(),
        m.criticalMigration(),
        m.deltaBases());
  }
}
