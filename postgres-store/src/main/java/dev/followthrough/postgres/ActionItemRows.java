package dev.followthrough.postgres;

import dev.followthrough.core.model.ActionItem;
import dev.followthrough.core.model.Postmortem;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;

/** The {@code action_items} table: each item's owner, status, priority and due date, for SQL queries. */
final class ActionItemRows {
  private ActionItemRows() {}

  /** Rewrites the item query rows in the postmortem's transaction, so they never disagree with it. */
  static void write(Connection c, Postmortem postmortem) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("DELETE FROM action_items WHERE postmortem_id = ?")) {
      s.setString(1, postmortem.id());
      s.executeUpdate();
    }
    if (postmortem.actionItems().isEmpty()) {
      return;
    }
    try (PreparedStatement s = c.prepareStatement("INSERT INTO action_items (postmortem_id, position, item_id, "
        + "title, owner, status, priority, due_date) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
      int position = 0;
      for (ActionItem item : postmortem.actionItems()) {
        s.setString(1, postmortem.id());
        s.setInt(2, position++);
        s.setString(3, item.id());
        s.setString(4, item.title());
        s.setString(5, item.owner());
        s.setString(6, item.status().name());
        s.setString(7, item.priority() == null ? null : item.priority().name());
        if (item.dueDate() == null) {
          s.setNull(8, Types.DATE);
        } else {
          s.setObject(8, item.dueDate());
        }
        s.addBatch();
      }
      s.executeBatch();
    }
  }
}
