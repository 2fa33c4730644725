package dev.rollout.activities.mgmt;

import dev.rollout.activities.store.Jdbc;
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
