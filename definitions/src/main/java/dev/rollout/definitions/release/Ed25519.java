package dev.rollout.definitions.release;

import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;

/** The JDK's pure Ed25519 (RFC 8032, no pre-hash, no context); a Signature is not shareable. */
final class Ed25519 {

  static final int SIGNATURE_LENGTH = 64;

  private Ed25519() {}

  static byte[] sign(PrivateKey key, byte[] message) {
    try {
      Signature signature = Signature.getInstance(Keys.ALGORITHM);
      signature.initSign(key);
      signature.update(message);
      return signature.sign();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Ed25519 signing failed: " + e.getMessage(), e);
    }
  }

  /** False for any signature that does not verify, including one the provider cannot decode. */
  static boolean verify(PublicKey key, byte[] message, byte[] signatureBytes) {
    try {
      Signature signature = Signature.getInstance(Keys.ALGORITHM);
      signature.initVerify(key);
      signature.update(message);
      return signature.verify(signatureBytes);
    } catch (SignatureException | InvalidKeyException e) {
      return false;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Ed25519 verification failed: " + e.getMessage(), e);
    }
  }
}
