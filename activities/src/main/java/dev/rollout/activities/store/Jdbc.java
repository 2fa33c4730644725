package dev.rollout.activities.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** The little JDBC this module needs: transactions, bound parameters, single values. No ORM. */
public final class Jdbc {

  private Jdbc() {}

  /** Work inside one transaction. */
  @FunctionalInterface
  public interface Work<T> {
    T run(Connection connection) throws SQLException;
  }

  /** Maps the current row. */
  @FunctionalInterface
  public interface RowMapper<T> {
    T map(ResultSet row) throws SQLException;
  }

  /** Runs the work in one transaction; SQL errors become a (retryable) {@link StoreException}. */
  public static <T> T inTransaction(DataSource dataSource, Work<T> work) {
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try {
        T result = work.run(connection);
        connection.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        rollBack(connection, e);
        throw e;
      }
    } catch (SQLException e) {
      throw new StoreException(e);
    }
  }

  // A connection lost mid-transaction (the database stopped) fails its rollback too, with no
  // SQLState: keep the first error, whose SQLState says "connection lost" (devices then get 503).
  private static void rollBack(Connection connection, Exception cause) {
    try {
      connection.rollback();
    } catch (SQLException e) {
      cause.addSuppressed(e);
    }
  }

  /** Executes an INSERT/UPDATE/DELETE and returns the number of rows. */
  public static long update(Connection connection, String sql, Object... params)
      throws SQLException {
    try (PreparedStatement statement = prepare(connection, sql, params)) {
      return statement.executeLargeUpdate();
    }
  }

  public static <T> List<T> query(
      Connection connection, String sql, RowMapper<T> mapper, Object... params)
      throws SQLException {
    try (PreparedStatement statement = prepare(connection, sql, params);
        ResultSet rows = statement.executeQuery()) {
      List<T> result = new ArrayList<>();
      while (rows.next()) {
        result.add(mapper.map(rows));
      }
      return result;
    }
  }

  /** The first column of the single row a query returns (such as a count). */
  public static long queryLong(Connection connection, String sql, Object... params)
      throws SQLException {
    List<Long> values = query(connection, sql, row -> row.getLong(1), params);
    if (values.size() != 1) {
      throw new SQLException("expected one row, got " + values.size() + " from: " + sql);
    }
    return values.get(0);
  }

  /** Takes the rollout's lock until the transaction ends: one writer per rollout at a time. */
  public static void lockRollout(Connection connection, String rolloutId) throws SQLException {
    query(connection, "SELECT pg_advisory_xact_lock(hashtext(?))", row -> 1, rolloutId);
  }

  static PreparedStatement prepare(Connection connection, String sql, Object... params)
      throws SQLException {
    PreparedStatement statement = connection.prepareStatement(sql);
    try {
      for (int i = 0; i < params.length; i++) {
        bind(connection, statement, i + 1, params[i]);
      }
      return statement;
    } catch (SQLException e) {
      statement.close();
      throw e;
    }
  }

  private static void bind(Connection connection, PreparedStatement statement, int index, Object v)
      throws SQLException {
    if (v instanceof Instant instant) {
      statement.setObject(index, OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
    } else if (v instanceof List<?> list) {
      statement.setArray(index, connection.createArrayOf("text", list.toArray()));
    } else {
      statement.setObject(index, v);
    }
  }
}
