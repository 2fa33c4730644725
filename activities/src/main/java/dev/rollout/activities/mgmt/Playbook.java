package dev.rollout.activities.mgmt;

import static java.util.Objects.requireNonNull;

import dev.rollout.activities.store.Jdbc;
import java.util.List;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/** The support playbook: error code → likely cause → what to do next (V4 migration). */
public final class Playbook {

  /** The entry that answers for codes without one of their own. */
  public static final String DEFAULT = "DEFAULT";

  /** Error codes as devices report them; the table's CHECK says the same. */
  public static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{0,63}");

  private Playbook() {}

  /**
   * One entry.
   *
   * @param updatedAt ISO-8601
   * @param updatedBy the operator who last edited it; null for the seeded entries
   */
  public record Entry(
      String errorCode,
      String cause,
      String nextSteps,
      boolean retryable,
      String updatedAt,
      String updatedBy) {

    public Entry {
      requireNonNull(errorCode, "errorCode");
      requireNonNull(cause, "cause");
      requireNonNull(nextSteps, "nextSteps");
    }
  }

  public static List<Entry> list(DataSource dataSource) {
    return Jdbc.inTransaction(
        dataSource,
        connection ->
            Jdbc.query(
                connection,
                "SELECT error_code, cause, next_steps, retryable, updated_at, updated_by"
                    + " FROM playbook ORDER BY error_code = 'DEFAULT', error_code",
                row ->
                    new Entry(
                        row.getString(1),
                        row.getString(2),
                        row.getString(3),
                        row.getBoolean(4),
                        RolloutSummary.iso(row.getTimestamp(5)),
                        row.getString(6))));
  }

  /** Creates or replaces the entry for {@code code}; returns it as stored. */
  public static Entry put(
      DataSource dataSource,
      String code,
      String cause,
      String nextSteps,
      boolean retryable,
      String by) {
    if (!CODE.matcher(code).matches()) {
      throw new IllegalArgumentException("not an error code: " + code);
    }
    return Jdbc.inTransaction(
        dataSource,
        connection ->
            Jdbc.query(
                    connection,
                    """
                    INSERT INTO playbook (error_code, cause, next_steps, retryable, updated_at,
                                          updated_by)
                    VALUES (?, ?, ?, ?, now(), ?)
                    ON CONFLICT (error_code) DO UPDATE SET cause = excluded.cause,
                      next_steps = excluded.next_steps, retryable = excluded.retryable,
                      updated_at = excluded.updated_at, updated_by = excluded.updated_by
                    RETURNING error_code, cause, next_steps, retryable, updated_at, updated_by
                    """,
                    row ->
                        new Entry(
                            row.getString(1),
                            row.getString(2),
                            row.getString(3),
                            row.getBoolean(4),
                            RolloutSummary.iso(row.getTimestamp(5)),
                            row.getString(6)),
                    code,
                    cause,
                    nextSteps,
                    retryable,
                    by)
                .get(0));
  }
}
