package dev.rollout.definitions.release;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rollout.definitions.release.Verification.Code;
import dev.rollout.definitions.version.SemVer;
import java.security.KeyPair;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ManifestVerifierTest {

  private static final KeyPair THERMOSTAT = Keys.generate();
  private static final KeyPair DOORBELL = Keys.generate();

  private final ManifestVerifier verifier =
      new ManifestVerifier(
          TrustedKeys.of(
              TrustedKey.of("thermostat", THERMOSTAT.getPublic()),
              TrustedKey.of("doorbell", DOORBELL.getPublic())));

  @Test
  void acceptsAManifestSignedByItsProductLinesKey() {
    SignedManifest signed = ManifestSigner.of(THERMOSTAT).sign(Manifests.thermostat());

    assertThat(verifier.verify(signed))
        .isEqualTo(
            new Verification.Valid(Manifests.thermostat(), Keys.keyId(THERMOSTAT.getPublic())));
  }

  @Test
  void acceptsTheJsonFormAfterARoundTrip() {
    SignedManifest signed = ManifestSigner.of(THERMOSTAT).sign(Manifests.thermostat());

    assertThat(verifier.verify(ManifestJson.write(signed))).isInstanceOf(Verification.Valid.class);
  }

  static Stream<Arguments> tamperings() {
    return Stream.of(
        Arguments.of("size", (UnaryOperator<ReleaseManifest>) m -> with(m, m.size() + 1, null)),
        Arguments.of("sha256", (UnaryOperator<ReleaseManifest>) m -> with(m, 0, "0".repeat(64))),
        Arguments.of("version", (UnaryOperator<ReleaseManifest>) ManifestVerifierTest::newer),
        Arguments.of("hardware model", (UnaryOperator<ReleaseManifest>) m -> withModel(m)));
  }

  @ParameterizedTest(name = "changed {0}")
  @MethodSource("tamperings")
  void refusesATamperedManifestAsSignatureInvalid(
      String change, UnaryOperator<ReleaseManifest> tamper) {
    SignedManifest signed = ManifestSigner.of(THERMOSTAT).sign(Manifests.thermostat());
    SignedManifest tampered =
        new SignedManifest(tamper.apply(signed.manifest()), signed.keyId(), signed.signature());

    assertThat(code(verifier.verify(tampered))).isEqualTo(Code.SIGNATURE_INVALID);
  }

  @Test
  void refusesAnUnsignedManifest() {
    assertThat(code(verifier.verify(SignedManifest.unsigned(Manifests.thermostat()))))
        .isEqualTo(Code.UNSIGNED);
    assertThat(code(verifier.verify(new SignedManifest(Manifests.thermostat(), "abc", " "))))
        .isEqualTo(Code.UNSIGNED);
  }

  @Test
  void refusesAManifestSignedByAnUntrustedKey() {
    SignedManifest signed = ManifestSigner.of(Keys.generate()).sign(Manifests.thermostat());

    assertThat(code(verifier.verify(signed))).isEqualTo(Code.UNKNOWN_KEY);
  }

  @Test
  void refusesAManifestSignedByAnotherProductLinesKey() {
    SignedManifest signed = ManifestSigner.of(DOORBELL).sign(Manifests.thermostat());

    Verification verification = verifier.verify(signed);

    assertThat(code(verification)).isEqualTo(Code.WRONG_PRODUCT_KEY);
    assertThat(((Verification.Invalid) verification).message())
        .contains("signs for doorbell, not thermostat");
  }

  @Test
  void refusesASignatureUnderAnotherKeysId() {
    SignedManifest byDoorbell = ManifestSigner.of(DOORBELL).sign(Manifests.thermostat());
    SignedManifest relabelled =
        new SignedManifest(
            byDoorbell.manifest(), Keys.keyId(THERMOSTAT.getPublic()), byDoorbell.signature());

    assertThat(code(verifier.verify(relabelled))).isEqualTo(Code.SIGNATURE_INVALID);
  }

  @Test
  void acceptsBothKeysDuringRotationAndRefusesTheRevokedOneAfter() {
    KeyPair next = Keys.generate();
    TrustedKey old = TrustedKey.of("thermostat", THERMOSTAT.getPublic());
    TrustedKey fresh = TrustedKey.of("thermostat", next.getPublic());
    SignedManifest byOld = ManifestSigner.of(THERMOSTAT).sign(Manifests.thermostat());
    SignedManifest byNew = ManifestSigner.of(next).sign(Manifests.thermostat());

    ManifestVerifier during = new ManifestVerifier(TrustedKeys.of(old, fresh));
    ManifestVerifier after = new ManifestVerifier(TrustedKeys.of(fresh));

    assertThat(during.verify(byOld)).isInstanceOf(Verification.Valid.class);
    assertThat(during.verify(byNew)).isInstanceOf(Verification.Valid.class);
    assertThat(code(after.verify(byOld))).isEqualTo(Code.UNKNOWN_KEY);
    assertThat(after.verify(byNew)).isInstanceOf(Verification.Valid.class);
  }

  @Test
  void refusesASignatureThatIsNotSixtyFourBase64Bytes() {
    String keyId = Keys.keyId(THERMOSTAT.getPublic());

    assertThat(code(verifier.verify(new SignedManifest(Manifests.thermostat(), keyId, "%%%"))))
        .isEqualTo(Code.MALFORMED);
    assertThat(code(verifier.verify(new SignedManifest(Manifests.thermostat(), keyId, "AAAA"))))
        .isEqualTo(Code.MALFORMED);
  }

  @Test
  void refusesJsonThatIsNotAManifestAsMalformedWithTheReason() {
    Verification verification = verifier.verify("{\"manifest\": {\"product\": \"thermostat\"}}");

    assertThat(code(verification)).isEqualTo(Code.MALFORMED);
    assertThat(((Verification.Invalid) verification).message()).contains("version");
    assertThat(code(verifier.verify("not json"))).isEqualTo(Code.MALFORMED);
  }

  @Test
  void refusesAnUnsignedUploadAsUnsignedNotMalformed() {
    String json = ManifestJson.write(SignedManifest.unsigned(Manifests.thermostat()));

    assertThat(code(verifier.verify(json))).isEqualTo(Code.UNSIGNED);
  }

  private static Code code(Verification verification) {
    assertThat(verification).isInstanceOf(Verification.Invalid.class);
    return ((Verification.Invalid) verification).code();
  }

  private static ReleaseManifest with(ReleaseManifest m, long size, String sha256) {
    return new ReleaseManifest(
        m.product(),
        m.version(),
        m.hardwareModels(),
        size == 0 ? m.size() : size,
        sha256 == null ? m.sha256() : sha256,
        m.minServerApi(),
        m.criticalMigration(),
        m.deltaBases());
  }

  private static ReleaseManifest newer(ReleaseManifest m) {
    return new ReleaseManifest(
        m.product(),
        SemVer.parse("2.4.1"),
        m.hardwareModels(),
        m.size(),
        m.sha256(),
        m.minServerApi(),
        m.criticalMigration(),
        m.deltaBases());
  }

  private static ReleaseManifest withModel(ReleaseManifest m) {
    return new ReleaseManifest(
        m.product(),
        m.version(),
        List.of("th-100", "th-300"),
        m.size(),
        m.sha256(),
        m.minServerApi(),
        m.criticalMigration(),
        m.deltaBases());
  }
}
