package dev.rollout.activities.release;

import static java.util.Objects.requireNonNull;

import dev.rollout.activities.store.Jdbc;
import dev.rollout.definitions.plan.Problem;
import dev.rollout.definitions.release.Keys;
import dev.rollout.definitions.release.ReleaseManifest;
import dev.rollout.definitions.release.TrustedKey;
import dev.rollout.definitions.release.TrustedKeys;
import java.security.PublicKey;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The public keys the server trusts, per product line ({@code signing_keys}). Several keys of one
 * product line may be trusted at once (rotation); a key serves one product line only. Revoking a
 * key stops it from verifying new registrations; releases it signed stay registered.
 */
public final class KeyRegistry {

  private static final String COLUMNS = "key_id, product_line, public_key, created_at, revoked_at";

  private final DataSource dataSource;

  public KeyRegistry(DataSource dataSource) {
    this.dataSource = requireNonNull(dataSource, "dataSource");
  }

  /**
   * Trusts an Ed25519 public key (X.509 PEM) for a product line. Registering the same key for the
   * same product line again answers the stored key (idempotent).
   *
   * @throws InvalidInputException listing every problem with the product and the PEM
   * @throws ConflictException {@code KEY_OF_ANOTHER_PRODUCT} or {@code KEY_REVOKED}
   */
  public SigningKey register(String product, String publicKeyPem) {
    PublicKey key = checked(product, publicKeyPem);
    String keyId = Keys.keyId(key);
    String pem = Keys.publicKeyPem(key);
    return Jdbc.inTransaction(
        dataSource,
        connection -> {
          Jdbc.update(
              connection,
              "INSERT INTO signing_keys (key_id, product_line, public_key) VALUES (?, ?, ?)"
                  + " ON CONFLICT (key_id) DO NOTHING",
              keyId,
              product,
              pem);
          SigningKey stored =
              Jdbc.query(
                      connection,
                      "SELECT " + COLUMNS + " FROM signing_keys WHERE key_id = ?",
                      KeyRegistry::key,
                      keyId)
                  .get(0);
          requireSameProduct(stored, product);
          return stored;
        });
  }

  /** Every key, trusted or revoked, oldest first. */
  public List<SigningKey> list() {
    return Jdbc.inTransaction(
        dataSource,
        connection ->
            Jdbc.query(
                connection,
                "SELECT " + COLUMNS + " FROM signing_keys ORDER BY created_at, key_id",
                KeyRegistry::key));
  }

  /** Revokes a key (again: no change); empty when no such key is registered. */
  public Optional<SigningKey> revoke(String keyId) {
    return Jdbc.inTransaction(
        dataSource,
        connection -> {
          Jdbc.update(
              connection,
              "UPDATE signing_keys SET revoked_at = now() WHERE key_id = ? AND revoked_at IS NULL",
              keyId);
          return Jdbc.query(
                  connection,
                  "SELECT " + COLUMNS + " FROM signing_keys WHERE key_id = ?",
                  KeyRegistry::key,
                  keyId)
              .stream()
              .findFirst();
        });
  }

  /** The keys that verify new registrations: every key not revoked. */
  public TrustedKeys trusted() {
    return new TrustedKeys(
        list().stream()
            .filter(key -> !key.revoked())
            .map(key -> TrustedKey.of(key.product(), Keys.publicKeyFromPem(key.publicKeyPem())))
            .toList());
  }

  private static PublicKey checked(String product, String publicKeyPem) {
    List<Problem> problems = new ArrayList<>();
    if (product == null || product.isBlank()) {
      problems.add(new Problem("product", "REQUIRED", "the product line is required"));
    } else if (!ReleaseManifest.PRODUCT.matcher(product).matches()) {
      problems.add(
          new Problem(
              "product",
              "INVALID_NAME",
              "must be lowercase letters, digits and inner hyphens (at most 63), got '"
                  + product
                  + "'"));
    }
    PublicKey key = null;
    if (publicKeyPem == null || publicKeyPem.isBlank()) {
      problems.add(new Problem("publicKeyPem", "REQUIRED", "the public key (PEM) is required"));
    } else {
      try {
        key = Keys.publicKeyFromPem(publicKeyPem);
      } catch (IllegalArgumentException e) {
        problems.add(new Problem("publicKeyPem", "INVALID_KEY", e.getMessage()));
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException("the key cannot be registered", problems);
    }
    return key;
  }

  private static void requireSameProduct(SigningKey stored, String product) {
    if (!stored.product().equals(product)) {
      throw new ConflictException(
          "KEY_OF_ANOTHER_PRODUCT",
          "key "
              + stored.keyId()
              + " is registered for "
              + stored.product()
              + ": keys are never"
              + " shared between product lines");
    }
    if (stored.revoked()) {
      throw new ConflictException(
          "KEY_REVOKED", "key " + stored.keyId() + " was revoked; a revoked key stays revoked");
    }
  }

  private static SigningKey key(ResultSet row) throws SQLException {
    OffsetDateTime revoked = row.getObject(5, OffsetDateTime.class);
    return new SigningKey(
        row.getString(1),
        row.getString(2),
        row.getString(3),
        row.getObject(4, OffsetDateTime.class).toInstant(),
        revoked == null ? null : revoked.toInstant());
  }
}
