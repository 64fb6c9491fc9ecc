package dev.followthrough.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** The {@code webhook_deliveries} table (migration V4): ids already received, kept for a retention. */
final class DeliveryRows {
  private DeliveryRows() {}

  /** In the caller's transaction: forget the old ids, then insert unless present; the primary key settles races. */
  static boolean record(Connection c, String source, String deliveryId, Instant receivedAt, Duration retention)
      throws SQLException {
    try (PreparedStatement purge = c.prepareStatement("DELETE FROM webhook_deliveries WHERE received_at < ?")) {
      purge.setObject(1, OffsetDateTime.ofInstant(receivedAt.minus(retention), ZoneOffset.UTC));
      purge.executeUpdate();
    }
    try (PreparedStatement s = c.prepareStatement("INSERT INTO webhook_deliveries (source, delivery_id, received_at) "
        + "VALUES (?, ?, ?) ON CONFLICT (source, delivery_id) DO NOTHING")) {
      s.setString(1, source);
      s.setString(2, deliveryId);
      s.setObject(3, OffsetDateTime.ofInstant(receivedAt, ZoneOffset.UTC));
      return s.executeUpdate() == 1;
    }
  }
}
