package dev.followthrough.postgres;

import dev.followthrough.core.json.JsonFormat;
import dev.followthrough.core.model.ActionItem;
import dev.followthrough.core.model.Finding;
import dev.followthrough.core.model.Postmortem;
import dev.followthrough.core.store.ItemFacts;
import dev.followthrough.core.store.ItemQuery;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.List;

/**
 * The {@code action_items} table: each item's owner, status, priority, due date and the rest of
 * its {@link ItemFacts} for SQL queries, and the item itself so that a query reads only the items it
 * selects.
 */
final class ActionItemRows {
  private static final JsonFormat JSON = JsonFormat.json();

  private ActionItemRows() {}

  /**
   * Rewrites the postmortem's query copies in its transaction, so they never disagree with it: its
   * record without the items (for reports), and one row per item.
   */
  static void write(Connection c, Postmortem postmortem, PostmortemRecords records) throws SQLException {
    write(c, postmortem, records, true);
  }

  /**
   * As above; without {@code quality} the columns of version 5 (the findings' counts) are left out,
   * for the version 3 migration, which runs before they exist (version 5 fills them).
   */
  static void write(Connection c, Postmortem postmortem, PostmortemRecords records, boolean quality)
      throws SQLException {
    try (PreparedStatement s = c.prepareStatement("UPDATE postmortems SET head = ?::jsonb WHERE id = ?")) {
      s.setString(1, records.write(postmortem.withActionItems(List.of())));
      s.setString(2, postmortem.id());
      s.executeUpdate();
    }
    try (PreparedStatement s = c.prepareStatement("DELETE FROM action_items WHERE postmortem_id = ?")) {
      s.setString(1, postmortem.id());
      s.executeUpdate();
    }
    if (postmortem.actionItems().isEmpty()) {
      return;
    }
    try (PreparedStatement s = c.prepareStatement("INSERT INTO action_items (postmortem_id, position, item_id, "
        + "title, owner, status, priority, due_date, owner_key, item, closed_on, days_to_close, verification_state, "
        + "verification_due, verified_on" + (quality ? ", findings, error_findings, missing_from_source" : "")
        + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?" + (quality ? ", ?, ?, ?" : "") + ")")) {
      int position = 0;
      for (ActionItem item : postmortem.actionItems()) {
        ItemFacts facts = ItemFacts.of(item, postmortem.incident().referenceDate());
        s.setString(1, postmortem.id());
        s.setInt(2, position++);
        s.setString(3, item.id());
        s.setString(4, item.title());
        s.setString(5, item.owner());
        s.setString(6, item.status().name());
        s.setString(7, item.priority() == null ? null : item.priority().name());
        setDate(s, 8, item.dueDate());
        s.setString(9, item.owner() == null ? null : ItemQuery.normalOwner(item.owner()));
        s.setString(10, JSON.write(JSON.toTree(item)));
        setDate(s, 11, facts.closedOn());
        if (facts.daysToClose() == null) {
          s.setNull(12, Types.INTEGER);
        } else {
          s.setInt(12, Math.toIntExact(facts.daysToClose()));
        }
        s.setString(13, facts.verification() == null ? null : facts.verification().name());
        setDate(s, 14, facts.verificationDue());
        setDate(s, 15, facts.verifiedOn());
        if (quality) {
          setCount(s, 16, item.quality() == null ? null : item.quality().size());
          setCount(s, 17, item.quality() == null ? null
              : Math.toIntExact(item.quality().stream().filter(Finding::isError).count()));
          s.setBoolean(18, item.missingFromSource());
        }
        s.addBatch();
      }
      s.executeBatch();
    }
  }

  private static void setCount(PreparedStatement s, int index, Integer count) throws SQLException {
    if (count == null) {
      s.setNull(index, Types.INTEGER);
    } else {
      s.setInt(index, count);
    }
  }

  private static void setDate(PreparedStatement s, int index, LocalDate day) throws SQLException {
    if (day == null) {
      s.setNull(index, Types.DATE);
    } else {
      s.setObject(index, day);
    }
  }
}
