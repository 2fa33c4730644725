package dev.rollout.activities.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rollout.activities.testing.TestDatabase;
import dev.rollout.definitions.plan.Problem;
import dev.rollout.definitions.release.Keys;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class KeyRegistryIT {

  private final KeyRegistry keys = new KeyRegistry(TestDatabase.dataSource());
  private final KeyPair key = Keys.generate();

  @BeforeEach
  void freshStore() {
    TestDatabase.reset();
  }

  @Test
  void registersAKeyUnderItsDerivedIdOnce() {
    SigningKey first = keys.register("thermostat", Keys.publicKeyPem(key.getPublic()));
    SigningKey again = keys.register("thermostat", Keys.publicKeyPem(key.getPublic()));

    assertThat(first.keyId()).isEqualTo(Keys.keyId(key.getPublic()));
    assertThat(again).isEqualTo(first);
    assertThat(keys.list()).containsExactly(first);
    assertThat(keys.trusted().find(first.keyId())).isPresent();
  }

  @Test
  void listsEveryProblemOfTheInput() {
    assertThatThrownBy(() -> keys.register("Thermostat!", "-----BEGIN PUBLIC KEY-----\nxx"))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e ->
                assertThat(e.problems())
                    .extracting(Problem::path, Problem::code)
                    .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("product", "INVALID_NAME"),
                        org.assertj.core.groups.Tuple.tuple("publicKeyPem", "INVALID_KEY")));
    assertThat(keys.list()).isEmpty();
  }

  @Test
  void refusesAnRsaKey() throws Exception {
    KeyPair rsa = KeyPairGenerator.getInstance("RSA").generateKeyPair();
    String pem =
        "-----BEGIN PUBLIC KEY-----\n"
            + Base64.getMimeEncoder().encodeToString(rsa.getPublic().getEncoded())
            + "\n-----END PUBLIC KEY-----\n";

    assertThatThrownBy(() -> keys.register("thermostat", pem))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> assertThat(e.problems().get(0).message()).contains("Ed25519"));
  }

  @Test
  void neverSharesAKeyBetweenProductLines() {
    keys.register("thermostat", Keys.publicKeyPem(key.getPublic()));

    assertThatThrownBy(() -> keys.register("doorbell", Keys.publicKeyPem(key.getPublic())))
        .isInstanceOfSatisfying(
            ConflictException.class, e -> assertThat(e.code()).isEqualTo("KEY_OF_ANOTHER_PRODUCT"));
  }

  @Test
  void aRevokedKeyIsNoLongerTrustedAndStaysRevoked() {
    String id = keys.register("thermostat", Keys.publicKeyPem(key.getPublic())).keyId();

    assertThat(keys.revoke(id)).hasValueSatisfying(k -> assertThat(k.revoked()).isTrue());
    assertThat(keys.trusted().keys()).isEmpty();
    assertThat(keys.revoke("0123456789abcdef")).isEmpty();
    assertThatThrownBy(() -> keys.register("thermostat", Keys.publicKeyPem(key.getPublic())))
        .isInstanceOfSatisfying(
            ConflictException.class, e -> assertThat(e.code()).isEqualTo("KEY_REVOKED"));
  }
}
