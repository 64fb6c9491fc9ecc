package dev.followthrough.postgres;

import dev.followthrough.core.json.JsonFormat;
import dev.followthrough.core.model.ActionItem;
import dev.followthrough.core.model.Postmortem;
import dev.followthrough.core.store.ItemQuery;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;

/**
 * The {@code action_items} table: each item's owner, status, priority and due date for SQL queries,
 * and the item itself so that a query reads only the items it selects.
 */
final class ActionItemRows {
  private static final JsonFormat JSON = JsonFormat.json();

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
        + "title, owner, status, priority, due_date, owner_key, item) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)")) {
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
        s.setString(9, item.owner() == null ? null : ItemQuery.normalOwner(item.owner()));
        s.setString(10, JSON.write(JSON.toTree(item)));
        s.addBatch();
      }
      s.executeBatch();
    }
  }
}
