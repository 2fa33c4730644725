package dev.rollout.activities.mgmt;

import dev.rollout.activities.plan.ReleaseCheck;
import dev.rollout.activities.store.Jdbc;
import dev.rollout.definitions.plan.Problem;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Plans stored by name in {@code plans}, as sent (YAML or JSON, comments kept): a rollout started
 * with {@code {"planName": ...}} reads and validates the text itself.
 */
public final class StoredPlans {

  private StoredPlans() {}

  /** Creates or replaces the plan's text; the caller has validated it. */
  public static void store(DataSource dataSource, String name, String text) {
    Jdbc.inTransaction(
        dataSource,
        connection ->
            Jdbc.update(
                connection,
                """
                INSERT INTO plans (name, text) VALUES (?, ?)
                ON CONFLICT (name) DO UPDATE SET text = excluded.text, updated_at = now()
                """,
                name,
                text));
  }

  /**
   * Why the release cannot be rolled out now (unregistered, needs a newer server API, ...): the
   * same check the workflow's prepare step makes, asked before starting so the operator hears at
   * once. Empty when it can.
   */
  public static List<Problem> releaseProblems(DataSource dataSource, String release) {
    return Jdbc.inTransaction(dataSource, connection -> ReleaseCheck.problems(connection, release));
  }

  public static Optional<String> text(DataSource dataSource, String name) {
    List<String> texts =
        Jdbc.inTransaction(
            dataSource,
            connection ->
                Jdbc.query(
                    connection,
                    "SELECT text FROM plans WHERE name = ?",
                    row -> row.getString(1),
                    name));
    return texts.stream().findFirst();
  }
}
