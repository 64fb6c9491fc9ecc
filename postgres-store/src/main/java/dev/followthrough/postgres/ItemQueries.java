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
  private static final int PARALLEL_FROM = 10_000;

  private final JsonFormat json = JsonFormat.json();
  private final PostmortemRecords records;

  ItemQueries(PostmortemRecords records) {
    this.records = records;
  }

  List<ItemRow> find(Connection c, ItemQuery query) throws SQLException {
    StringBuilder where = new StringBuilder("true");
    List<Object> params = new ArrayList<>();
    if (query.owner() != null) {
      where.append(" AND owner_key = ?");
      params.add(query.owner());
    }
    if (!query.statuses().isEmpty()) {
      where.append(" AND status = ANY (?)");
      params.add(query.statuses().stream().map(ItemStatus::name).toArray(String[]::new));
    }
    if (query.postmortemId() != null) {
      where.append(" AND postmortem_id = ?");
      params.add(query.postmortemId());
    }
    if (query.dueBefore() != null) {
      where.append(" AND due_date < ?");
      params.add(query.dueBefore());
    }
    if (query.dueAfter() != null) {
      where.append(" AND due_date > ?");
      params.add(query.dueAfter());
    }
    return select(c, where.toString(), params, true);
  }

  /**
   * The items where {@code condition} holds, its {@code ?} bound to {@code params} (a String[] is a
   * text array); {@code ordered} as findItems orders them, else as the server finds them.
   */
  List<ItemRow> select(Connection c, String condition, List<Object> params, boolean ordered) throws SQLException {
    // Byte order of ids, as findAll orders postmortems, then the items' order in their postmortem.
    String sql = "SELECT postmortem_id, item::text FROM action_items WHERE " + condition
        + (ordered ? " ORDER BY postmortem_id COLLATE \"C\", position" : "");
    try (PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < params.size(); i++) {
        Object p = params.get(i);
        if (p instanceof String[] array) {
          s.setArray(i + 1, c.createArrayOf("text", array));
        } else {
          s.setObject(i + 1, p);
        }
      }
      s.setFetchSize(1000);
      List<String[]> texts = new ArrayList<>();
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          texts.add(new String[] {rs.getString(1), rs.getString(2)});
        }
      }
      // Reading the JSON costs as much as fetching it: with many rows, on every core.
      return (texts.size() > PARALLEL_FROM ? texts.parallelStream() : texts.stream())
          .map(row -> new ItemRow(row[0], read(row[0], row[1]))).toList();
    }
  }

  private ActionItem read(String postmortemId, String text) {
    List<String> problems = new ArrayList<>();
    ActionItem item = null;
    try {
      item = json.read(text, ActionItem.class, problems);
    } catch (RuntimeException e) {
      problems.add(e.getMessage());
    }
    if (item == null || !problems.isEmpty()) {
      throw new DamagedStoreException(List.of(records.where(postmortemId)),
          "an action item cannot be read: " + String.join("; ", problems));
    }
    return item;
  }
}
