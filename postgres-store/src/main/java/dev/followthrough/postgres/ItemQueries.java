package dev.followthrough.postgres;

import dev.followthrough.core.json.JsonFormat;
import dev.followthrough.core.model.ActionItem;
import dev.followthrough.core.model.ItemStatus;
import dev.followthrough.core.store.DamagedStoreException;
import dev.followthrough.core.store.ItemQuery;
import dev.followthrough.core.store.ItemRow;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link ItemQuery} in SQL on the {@code action_items} table, reading only the matching items'
 * JSON, never their postmortems' records.
 */
final class ItemQueries {
  private final JsonFormat json = JsonFormat.json();
  private final PostmortemRecords records;

  ItemQueries(PostmortemRecords records) {
    this.records = records;
  }

  List<ItemRow> find(Connection c, ItemQuery query) throws SQLException {
    StringBuilder sql = new StringBuilder("SELECT postmortem_id, item::text FROM action_items WHERE true");
    List<Object> params = new ArrayList<>();
    if (query.owner() != null) {
      sql.append(" AND owner_key = ?");
      params.add(query.owner());
    }
    if (!query.statuses().isEmpty()) {
      sql.append(" AND status = ANY (?)");
      params.add(query.statuses().stream().map(ItemStatus::name).toArray(String[]::new));
    }
    if (query.postmortemId() != null) {
      sql.append(" AND postmortem_id = ?");
      params.add(query.postmortemId());
    }
    if (query.dueBefore() != null) {
      sql.append(" AND due_date < ?");
      params.add(query.dueBefore());
    }
    if (query.dueAfter() != null) {
      sql.append(" AND due_date > ?");
      params.add(query.dueAfter());
    }
    // Byte order of ids, as findAll orders postmortems, then the items' order in their postmortem.
    sql.append(" ORDER BY postmortem_id COLLATE \"C\", position");
    try (PreparedStatement s = c.prepareStatement(sql.toString())) {
      for (int i = 0; i < params.size(); i++) {
        Object p = params.get(i);
        if (p instanceof String[] array) {
          s.setArray(i + 1, c.createArrayOf("text", array));
        } else {
          s.setObject(i + 1, p);
        }
      }
      s.setFetchSize(1000);
      List<ItemRow> rows = new ArrayList<>();
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          rows.add(new ItemRow(rs.getString(1), read(rs.getString(1), rs.getString(2))));
        }
      }
      return List.copyOf(rows);
    }
  }

  private ActionItem read(String postmortemId, String text) {
    String where = records.where(postmortemId);
    List<String> problems = new ArrayList<>();
    ActionItem item = null;
    try {
      item = json.convert(json.parseTree(text, where), "", ActionItem.class, problems);
    } catch (RuntimeException e) {
      problems.add(e.getMessage());
    }
    if (item == null || !problems.isEmpty()) {
      throw new DamagedStoreException(List.of(where), "an action item cannot be read: " + String.join("; ", problems));
    }
    return item;
  }
}
