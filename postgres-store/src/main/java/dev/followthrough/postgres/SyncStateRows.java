package dev.followthrough.postgres;

import dev.followthrough.core.store.SyncState;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/** The {@code sync_state} table: one row per tracker scope, written in one statement (an upsert). */
final class SyncStateRows {
  private SyncStateRows() {}

  static Optional<SyncState> find(Connection c, String scope) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("SELECT watermark, last_full_at FROM sync_state WHERE tracker = ?")) {
      s.setString(1, scope);
      try (ResultSet rs = s.executeQuery()) {
        return rs.next()
            ? Optional.of(new SyncState(rs.getObject(1, OffsetDateTime.class).toInstant(),
                rs.getObject(2, OffsetDateTime.class).toInstant()))
            : Optional.empty();
      }
    }
  }

  static void save(Connection c, String scope, SyncState state) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("INSERT INTO sync_state (tracker, watermark, last_full_at) VALUES (?, ?, ?)"
        + " ON CONFLICT (tracker) DO UPDATE SET watermark = EXCLUDED.watermark, last_full_at = EXCLUDED.last_full_at")) {
      s.setString(1, scope);
      s.setObject(2, OffsetDateTime.ofInstant(state.watermark(), ZoneOffset.UTC));
      s.setObject(3, OffsetDateTime.ofInstant(state.lastFullAt(), ZoneOffset.UTC));
      s.executeUpdate();
    }
  }

  /** {@link #save} as a value, for a transaction that returns one. */
  static Void saved(java.sql.Connection c, String trackerScope, dev.followthrough.core.store.SyncState state)
      throws java.sql.SQLException {
    save(c, trackerScope, state);
    return null;
  }
}
