package dev.followthrough.postgres;

import dev.followthrough.core.store.ActionStore;
import dev.followthrough.core.store.RunLockLostException;
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
 *
 * <p>The same is true of a session that ends while its run goes on ({@code idle_session_timeout},
 * a proxy, a failover): {@link #checkHeld()} asks the server, on the lock's own connection, whether
 * this very backend still holds the lock. That check, rather than a lease with a fencing token,
 * because the writes that must not overlap go to the tracker, which cannot check a token; store
 * writes are already safe through versions. It also catches a driver or proxy that reconnected to
 * a new backend, which holds no lock. What is left is the time between a check and the one request
 * it guards.
 */
final class AdvisoryRunLock implements ActionStore.RunLock {
  /** The first key half: "FT" and 1, so that other advisory locks in the database do not collide. */
  static final int KEY_CLASS = 0x4654_0001;
  /** A check or unlock on a connection that went silent gives up after this, and counts as lost. */
  private static final int NETWORK_TIMEOUT_MS = 10_000;
  // pg_locks shows the two int4 halves as oids (unsigned); objsubid 2 marks the two-key form.
  private static final String HELD = "SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND pid = pg_backend_pid()"
      + " AND granted AND mode = 'ExclusiveLock' AND objsubid = 2 AND classid::bigint = ? AND objid::bigint = ?";

  private final Connection connection;
  private final int key;
  private final String storeName;
  private RunLockLostException lost;

  private AdvisoryRunLock(Connection connection, int key, String storeName) {
    this.connection = connection;
    this.key = key;
    this.storeName = storeName;
  }

  /** Takes the lock for {@code schema} without waiting; empty when another session holds it. */
  static Optional<ActionStore.RunLock> tryLock(Supplier<Connection> connect, String schema, String storeName) {
    int key = schema.hashCode();
    Connection connection = connect.get();
    try (PreparedStatement s = connection.prepareStatement("SELECT pg_try_advisory_lock(?, ?)")) {
      connection.setNetworkTimeout(Runnable::run, NETWORK_TIMEOUT_MS);
      s.setInt(1, KEY_CLASS);
      s.setInt(2, key);
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        if (rs.getBoolean(1)) {
          return Optional.of(new AdvisoryRunLock(connection, key, storeName));
        }
      }
      connection.close();
      return Optional.empty();
    } catch (SQLException e) {
      closeQuietly(connection);
      throw new StoreException("cannot take the run lock of " + storeName + ": " + e.getMessage(), e);
    }
  }

  /** One look at the server's lock table, on the connection that holds the lock. */
  @Override
  public synchronized void checkHeld() {
    if (lost != null) {
      throw lost;
    }
    try (PreparedStatement s = connection.prepareStatement(HELD)) {
      s.setLong(1, Integer.toUnsignedLong(KEY_CLASS));
      s.setLong(2, Integer.toUnsignedLong(key));
      try (ResultSet rs = s.executeQuery()) {
        if (rs.next()) {
          return;
        }
      }
      lost = new RunLockLostException("the run lock of " + storeName + " was lost: its database session no longer holds it");
    } catch (SQLException e) {
      lost = new RunLockLostException("the run lock of " + storeName + " was lost: its database session ended ("
          + e.getMessage() + ")", e);
    }
    closeQuietly(connection);
    throw lost;
  }

  @Override
  public synchronized void close() {
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
