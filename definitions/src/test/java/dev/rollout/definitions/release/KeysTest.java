package dev.rollout.definitions.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import org.junit.jupiter.api.Test;

class KeysTest {

  private static final KeyPair PAIR = Keys.generate();

  @Test
  void publicKeyRoundTripsThroughBase64AndPemWithTheSameId() {
    String id = Keys.keyId(PAIR.getPublic());

    assertThat(id).matches("[0-9a-f]{16}");
    assertThat(Keys.keyId(Keys.publicKeyFromBase64(Keys.publicKeyBase64(PAIR.getPublic()))))
        .isEqualTo(id);
    assertThat(Keys.keyId(Keys.publicKeyFromPem(Keys.publicKeyPem(PAIR.getPublic()))))
        .isEqualTo(id);
  }

  @Test
  void keyIdIsTheStartOfTheSha256OfTheX509Encoding() {
    assertThat(Keys.keyId(Rfc8032Test.publicKey()))
        .isEqualTo(Sha256.hex(Rfc8032Test.publicKey().getEncoded()).substring(0, 16));
  }

  @Test
  void writesPemWithTheUsualLabels() {
    assertThat(Keys.publicKeyPem(PAIR.getPublic()))
        .startsWith("-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEA")
        .endsWith("\n-----END PUBLIC KEY-----\n");
    assertThat(Keys.privateKeyPem(PAIR.getPrivate()))
        .startsWith("-----BEGIN PRIVATE KEY-----\n")
        .endsWith("\n-----END PRIVATE KEY-----\n");
  }

  @Test
  void privateKeyRoundTripsThroughPemAndStillSigns() {
    String pem = Keys.privateKeyPem(PAIR.getPrivate());

    ManifestSigner signer = new ManifestSigner(Keys.privateKeyFromPem(pem), PAIR.getPublic());

    assertThat(signer.keyId()).isEqualTo(Keys.keyId(PAIR.getPublic()));
  }

  @Test
  void readsPemWithWindowsLineEnds() {
    String pem = Keys.publicKeyPem(PAIR.getPublic()).replace("\n", "\r\n");

    assertThat(Keys.publicKeyFromPem(pem)).isEqualTo(PAIR.getPublic());
  }

  @Test
  void refusesAPrivateKeyWhereAPublicKeyBelongsAndGarbage() {
    String privatePem = Keys.privateKeyPem(PAIR.getPrivate());

    assertThatIllegalArgumentException()
        .isThrownBy(() -> Keys.publicKeyFromPem(privatePem))
        .withMessageContaining("got '-----BEGIN PRIVATE KEY-----'");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Keys.publicKeyFromBase64("AAAA"))
        .withMessageStartingWith("not an Ed25519 public key");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Keys.publicKeyFromBase64("not base64!"))
        .withMessageStartingWith("public key is not base64");
    assertThatIllegalArgumentException()
        .isThrownBy(
            () -> Keys.publicKeyFromPem("-----BEGIN PUBLIC KEY-----\n*\n-----END PUBLIC KEY-----"));
  }

  @Test
  void refusesKeysOfOtherAlgorithms() throws Exception {
    KeyPair ed448 = KeyPairGenerator.getInstance("Ed448").generateKeyPair();
    KeyPair rsa = KeyPairGenerator.getInstance("RSA").generateKeyPair();

    assertThatIllegalArgumentException()
        .isThrownBy(() -> Keys.keyId(ed448.getPublic()))
        .withMessageContaining("expected an Ed25519 public key");
    assertThatIllegalArgumentException().isThrownBy(() -> ManifestSigner.of(rsa));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Keys.publicKeyFromBase64(Keys.publicKeyBase64(ed448.getPublic())));
  }

  @Test
  void signerRefusesAPrivateKeyThatIsNotThePublicKeysPartner() {
    KeyPair other = Keys.generate();

    assertThatIllegalArgumentException()
        .isThrownBy(() -> new ManifestSigner(other.getPrivate(), PAIR.getPublic()))
        .withMessageContaining("does not belong to the public key");
  }

  @Test
  void trustedKeyRefusesAnIdThatIsNotTheKeys() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new TrustedKey("0000000000000000", "thermostat", PAIR.getPublic()))
        .withMessageContaining("does not match the key");
    TrustedKey key = TrustedKey.of("thermostat", PAIR.getPublic());
    assertThatIllegalArgumentException()
        .isThrownBy(() -> TrustedKeys.of(key, key))
        .withMessageContaining("listed twice");
  }
}
