package dev.followthrough.postgres;

import dev.followthrough.core.store.ActionStore;
import dev.followthrough.core.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The run lock: a session-level advisory lock held on a connection of its own, outside the pool,
 * until {@link #close()}. The server drops a session's advisory locks when its connection ends, so
 * the lock of a process that died is free again as soon as the server sees the connection gone.
 */
final class AdvisoryRunLock implements ActionStore.RunLock {
  /** The first key half: "FT" and 1, so that other advisory locks in the database do not collide. */
  private static final int KEY_CLASS = 0x4654_0001;

  private final Connection connection;
  private final int key;

  private AdvisoryRunLock(Connection connection, int key) {
    this.connection = connection;
    this.key = key;
  }

  /** Takes the lock for {@code schema} without waiting; empty when another session holds it. */
  static Optional<ActionStore.RunLock> tryLock(Supplier<Connection> connect, String schema, String storeName) {
    int key = schema.hashCode();
    Connection connection = connect.get();
    try (PreparedStatement s = connection.prepareStatement("SELECT pg_try_advisory_lock(?, ?)")) {
      s.setInt(1, KEY_CLASS);
      s.setInt(2, key);
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        if (rs.getBoolean(1)) {
          return Optional.of(new AdvisoryRunLock(connection, key));
        }
      }
      connection.close();
      return Optional.empty();
    } catch (SQLException e) {
      closeQuietly(connection);
      throw new StoreException("cannot take the run lock of " + storeName + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    // Closing the session releases the lock even when the unlock call fails.
    try (PreparedStatement s = connection.prepareStatement("SELECT pg_advisory_unlock(?, ?)")) {
      s.setInt(1, KEY_CLASS);
      s.setInt(2, key);
      s.execute();
    } catch (SQLException e) {
      // The connection is closed below; that releases the lock too.
    } finally {
      closeQuietly(connection);
    }
  }

  private static void closeQuietly(Connection connection) {
    try {
      connection.close();
    } catch (SQLException e) {
      // Nothing is left to release: a closed session holds no lock.
    }
  }
}
