package dev.rollout.worker.mgmt.auth;

import dev.rollout.activities.store.Jdbc;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.springframework.stereotype.Component;

/**
 * Operator tokens in {@code operator_tokens}: only their SHA-256 is stored, so a leaked database
 * does not leak working tokens. Public so that other parts (and their tests) can issue tokens.
 */
@Component
public class OperatorTokens {

  /** Token names: the {@code by} of audit entries. */
  public static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,63}");

  private static final SecureRandom RANDOM = new SecureRandom();

  private final DataSource dataSource;

  public OperatorTokens(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** A token as listed (never the token itself). */
  public record TokenInfo(String name, String role, String createdAt, String revokedAt) {}

  /** The operator a live token belongs to. */
  public Optional<Operator> authenticate(String token) {
    return Jdbc.inTransaction(
            dataSource,
            connection ->
                Jdbc.query(
                    connection,
                    "SELECT name, role FROM operator_tokens"
                        + " WHERE token_hash = ? AND revoked_at IS NULL",
                    row ->
                        new Operator(row.getString(1), Role.named(row.getString(2)).orElseThrow()),
                    hash(token)))
        .stream()
        .findFirst();
  }

  /**
   * Issues a new token; empty when the name is taken (names are unique, revoked ones included, so
   * the audit trail never confuses two holders).
   */
  public Optional<String> issue(String name, Role role) {
    String token = newToken();
    long inserted =
        Jdbc.inTransaction(
            dataSource,
            connection ->
                Jdbc.update(
                    connection,
                    "INSERT INTO operator_tokens (token_hash, name, role) VALUES (?, ?, ?)"
                        + " ON CONFLICT DO NOTHING",
                    hash(token),
                    name,
                    role.wireName()));
    return inserted == 1 ? Optional.of(token) : Optional.empty();
  }

  /** Revokes the named token; false when there is no live token of that name. */
  public boolean revoke(String name) {
    return Jdbc.inTransaction(
            dataSource,
            connection ->
                Jdbc.update(
                    connection,
                    "UPDATE operator_tokens SET revoked_at = now()"
                        + " WHERE name = ? AND revoked_at IS NULL",
                    name))
        == 1;
  }

  public List<TokenInfo> list() {
    return Jdbc.inTransaction(
        dataSource,
        connection ->
            Jdbc.query(
                connection,
                "SELECT name, role, created_at, revoked_at FROM operator_tokens ORDER BY name",
                row ->
                    new TokenInfo(
                        row.getString(1),
                        row.getString(2),
                        row.getTimestamp(3).toInstant().toString(),
                        row.getTimestamp(4) == null
                            ? null
                            : row.getTimestamp(4).toInstant().toString())));
  }

  boolean hasLiveAdmin() {
    return Jdbc.inTransaction(
            dataSource,
            connection ->
                Jdbc.queryLong(
                    connection,
                    "SELECT count(*) FROM operator_tokens"
                        + " WHERE role = 'admin' AND revoked_at IS NULL"))
        > 0;
  }

  /** Makes {@code token} the live admin token named {@code name}, whatever was there before. */
  void putAdmin(String name, String token) {
    Jdbc.inTransaction(
        dataSource,
        connection -> {
          Jdbc.update(
              connection,
              "DELETE FROM operator_tokens WHERE token_hash = ? AND name <> ?",
              hash(token),
              name);
          return Jdbc.update(
              connection,
              """
              INSERT INTO operator_tokens (token_hash, name, role) VALUES (?, ?, 'admin')
              ON CONFLICT (name) DO UPDATE SET token_hash = excluded.token_hash, role = 'admin',
                created_at = now(), revoked_at = NULL
              """,
              hash(token),
              name);
        });
  }

  static String newToken() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return "rt_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  static String hash(String token) {
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(sha256.digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
