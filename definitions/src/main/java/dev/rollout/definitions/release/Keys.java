package dev.rollout.definitions.release;

import static java.util.Objects.requireNonNull;

import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.EdECKey;
import java.security.spec.KeySpec;
import java.security.spec.NamedParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * Ed25519 keys with the JDK's own provider: generation, the stable key id, and the text forms the
 * CLI writes and the server stores (X.509 DER as base64 or PEM for public keys, PKCS#8 PEM for
 * private keys). Bad input gives IllegalArgumentException with a clear message.
 */
public final class Keys {

  public static final String ALGORITHM = "Ed25519";

  /** Hex digits of a key id: the first 8 bytes of the SHA-256 of the X.509 encoding. */
  public static final int KEY_ID_LENGTH = 16;

  private static final String PUBLIC = "PUBLIC KEY";
  private static final String PRIVATE = "PRIVATE KEY";

  private Keys() {}

  public static KeyPair generate() {
    try {
      return KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("this JDK has no Ed25519 (Java 15+ always does)", e);
    }
  }

  /** Derived from the key itself, so the same key has the same id on every machine. */
  public static String keyId(PublicKey publicKey) {
    requireEd25519(publicKey, "public key");
    return Sha256.hex(publicKey.getEncoded()).substring(0, KEY_ID_LENGTH);
  }

  /** The X.509 SubjectPublicKeyInfo DER, in standard base64 (one line, padded). */
  public static String publicKeyBase64(PublicKey publicKey) {
    requireEd25519(publicKey, "public key");
    return Base64.getEncoder().encodeToString(publicKey.getEncoded());
  }

  public static PublicKey publicKeyFromBase64(String base64) {
    return publicKey(decodeBase64(base64, "public key"));
  }

  /** {@code -----BEGIN PUBLIC KEY-----}, base64 of the X.509 DER in 64-column lines, END. */
  public static String publicKeyPem(PublicKey publicKey) {
    requireEd25519(publicKey, "public key");
    return Pem.write(PUBLIC, publicKey.getEncoded());
  }

  public static PublicKey publicKeyFromPem(String pem) {
    return publicKey(Pem.read(PUBLIC, pem));
  }

  /** {@code -----BEGIN PRIVATE KEY-----}, base64 of the PKCS#8 DER; unencrypted. */
  public static String privateKeyPem(PrivateKey privateKey) {
    requireEd25519(privateKey, "private key");
    return Pem.write(PRIVATE, privateKey.getEncoded());
  }

  public static PrivateKey privateKeyFromPem(String pem) {
    byte[] der = Pem.read(PRIVATE, pem);
    return (PrivateKey) decode(new PKCS8EncodedKeySpec(der), "private key");
  }

  static PublicKey publicKey(byte[] der) {
    return (PublicKey) decode(new X509EncodedKeySpec(der), "public key");
  }

  /** Refuses RSA, EC and Ed448 keys: a device only ever checks Ed25519 signatures. */
  static void requireEd25519(Key key, String what) {
    requireNonNull(key, what);
    if (!(key instanceof EdECKey edKey)
        || !NamedParameterSpec.ED25519.getName().equals(edKey.getParams().getName())) {
      throw new IllegalArgumentException(
          "expected an Ed25519 " + what + ", got " + key.getAlgorithm());
    }
  }

  private static Key decode(KeySpec spec, String what) {
    try {
      KeyFactory factory = KeyFactory.getInstance(ALGORITHM);
      Key key =
          spec instanceof PKCS8EncodedKeySpec
              ? factory.generatePrivate(spec)
              : factory.generatePublic(spec);
      requireEd25519(key, what);
      return key;
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new IllegalArgumentException("not an Ed25519 " + what + ": " + e.getMessage(), e);
    }
  }

  private static byte[] decodeBase64(String base64, String what) {
    try {
      return Base64.getDecoder().decode(requireNonNull(base64, what).strip());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(what + " is not base64: " + e.getMessage(), e);
    }
  }
}
