package dev.rollout.activities.mgmt;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import javax.sql.DataSource;

/**
 * A view of a data source whose transactions never commit: {@code commit()} rolls back. A dry run
 * runs the real prepare activity through it, so its answer comes from the very SQL a rollout would
 * run, and nothing it wrote survives.
 */
final class RollbackOnly {

  private RollbackOnly() {}

  static DataSource wrap(DataSource dataSource) {
    return proxy(
        DataSource.class,
        (proxy, method, args) -> {
          Object result = invoke(dataSource, method, args);
          return result instanceof Connection connection ? connection(connection) : result;
        });
  }

  private static Connection connection(Connection connection) {
    return proxy(
        Connection.class,
        (proxy, method, args) -> {
          switch (method.getName()) {
            case "commit" -> {
              connection.rollback();
              return null;
            }
            case "setAutoCommit" -> {
              // turning auto-commit on commits the open transaction: roll it back first
              if (Boolean.TRUE.equals(args[0]) && !connection.getAutoCommit()) {
                connection.rollback();
              }
              return invoke(connection, method, args);
            }
            case "close" -> {
              if (!connection.isClosed() && !connection.getAutoCommit()) {
                connection.rollback();
              }
              return invoke(connection, method, args);
            }
            default -> {
              return invoke(connection, method, args);
            }
          }
        });
  }

  private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  private static <T> T proxy(Class<T> type, InvocationHandler handler) {
    return type.cast(
        Proxy.newProxyInstance(
            RollbackOnly.class.getClassLoader(), new Class<?>[] {type}, handler));
  }
}
