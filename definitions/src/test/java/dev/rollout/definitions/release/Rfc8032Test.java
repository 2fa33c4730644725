package dev.rollout.definitions.release;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Proves the JDK primitive is standard Ed25519, so any conforming device library agrees. */
class Rfc8032Test {

  // RFC 8032 §7.1, TEST 1
  private static final String SECRET =
      "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60";
  private static final String PUBLIC =
      "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a";
  private static final String SIGNATURE =
      "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b";

  // DER prefixes of RFC 8410: PKCS#8 with the 32-byte seed, SubjectPublicKeyInfo with the point.
  private static final String PKCS8_PREFIX = "302e020100300506032b657004220420";
  private static final String X509_PREFIX = "302a300506032b6570032100";

  static PrivateKey privateKey() throws Exception {
    byte[] der = HexFormat.of().parseHex(PKCS8_PREFIX + SECRET);
    return KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(der));
  }

  static PublicKey publicKey() {
    return Keys.publicKey(HexFormat.of().parseHex(X509_PREFIX + PUBLIC));
  }

  @Test
  void jdkSignatureOfEmptyMessageMatchesTestVector1() throws Exception {
    byte[] signature = Ed25519.sign(privateKey(), new byte[0]);

    assertThat(HexFormat.of().formatHex(signature)).isEqualTo(SIGNATURE);
  }

  @Test
  void testVector1VerifiesWithThePublicKeyAndNotWithAMessage() {
    byte[] signature = HexFormat.of().parseHex(SIGNATURE);

    assertThat(Ed25519.verify(publicKey(), new byte[0], signature)).isTrue();
    assertThat(Ed25519.verify(publicKey(), new byte[] {0}, signature)).isFalse();
  }

  @Test
  void seedAndPublicKeyOfTestVector1FormAPair() throws Exception {
    ManifestSigner signer = new ManifestSigner(privateKey(), publicKey());

    assertThat(signer.keyId()).isEqualTo(Keys.keyId(publicKey())).hasSize(16);
  }
}
