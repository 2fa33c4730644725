package dev.rollout.activities.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.rollout.activities.testing.TestDatabase;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

class JdbcIT {

  private final DataSource db = TestDatabase.dataSource();

  /**
   * When the database goes away mid-transaction the rollback fails too ("Connection is closed", no
   * SQLState); the error must still carry the lost connection's SQLState, which is what turns it
   * into a 503 for devices instead of a 500 that makes them drop their events.
   */
  @Test
  void aConnectionLostMidTransactionFailsWithTheLossNotWithTheFailedRollback() {
    StoreException failure =
        catchThrowableOfType(
            StoreException.class,
            () ->
                Jdbc.inTransaction(
                    db,
                    connection -> {
                      long pid = Jdbc.queryLong(connection, "SELECT pg_backend_pid()");
                      // waits until the backend is gone: the next statement meets a dead connection
                      Jdbc.inTransaction(
                          db,
                          other ->
                              Jdbc.query(
                                  other,
                                  "SELECT pg_terminate_backend(?, 10000)",
                                  row -> row.getBoolean(1),
                                  (int) pid));
                      return Jdbc.queryLong(connection, "SELECT 1");
                    }));

    assertThat(failure).isNotNull();
    assertThat(((SQLException) failure.getCause()).getSQLState()).matches("57P01|08\\d{3}");
    long afterwards = Jdbc.inTransaction(db, connection -> Jdbc.queryLong(connection, "SELECT 1"));
    assertThat(afterwards).as("the pool replaced the lost connection").isEqualTo(1);
  }
}
