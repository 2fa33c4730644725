package dev.rollout.activities.store;

import java.sql.SQLException;

/**
 * A database error. Deliberately retryable (Temporal retries the activity): a lost connection or a
 * serialization failure heals by itself, and even a bug heals once a fixed worker is deployed,
 * whereas failing the activity for good would fail the rollout.
 */
public final class StoreException extends RuntimeException {

  public StoreException(SQLException cause) {
    super(cause.getMessage() + " (SQLState " + cause.getSQLState() + ")", cause);
  }
}
