package dev.followthrough.postgres;

import dev.followthrough.core.model.ItemStatus;
import dev.followthrough.core.model.Postmortem;
import dev.followthrough.core.model.Priority;
import dev.followthrough.core.model.Verification;
import dev.followthrough.core.store.DamagedStoreException;
import dev.followthrough.core.store.ItemFacts;
import dev.followthrough.core.store.ItemRow;
import dev.followthrough.core.store.ReportData;
import dev.followthrough.core.store.ReportSelection;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * {@link ReportData} in SQL: the postmortems' heads, the item facts grouped and counted by the
 * server, and only the listed items' records; never every item.
 */
final class ReportQueries {
  private static final String[] OPEN =
      Arrays.stream(ItemStatus.values()).filter(s -> !s.isClosed()).map(ItemStatus::name).toArray(String[]::new);

  private final PostmortemRecords records;
  private final ItemQueries items;

  ReportQueries(PostmortemRecords records, ItemQueries items) {
    this.records = records;
    this.items = items;
  }

  /**
   * Reads the heads and the facts now, in the caller's transaction; the listed items come later
   * from {@code listed}, in a transaction of their own.
   */
  ReportData read(Connection c, Function<ReportSelection, List<ItemRow>> listed) throws SQLException {
    List<Postmortem> heads = heads(c);
    Map<ItemFacts, Long> facts = facts(c);
    return new ReportData() {
      @Override
      public List<Postmortem> postmortems() {
        return heads;
      }

      @Override
      public Map<ItemFacts, Long> itemFacts() {
        return facts;
      }

      @Override
      public List<ItemRow> items(ReportSelection selection) {
        return listed.apply(selection);
      }
    };
  }

  /** The items a report lists, selected as {@link ReportSelection#matches} says. */
  List<ItemRow> listed(Connection c, ReportSelection selection) throws SQLException {
    return items.select(c, "(status = ANY (?) AND (owner IS NULL OR due_date <= ? OR postmortem_id = ANY (?)))"
        + " OR (verification_state = 'PENDING' AND verification_due < ?)",
        List.of(OPEN, selection.dueBy(), selection.recurred().toArray(String[]::new), selection.asOf()));
  }

  private List<Postmortem> heads(Connection c) throws SQLException {
    List<Postmortem> heads = new ArrayList<>();
    DamagedStoreException.Collector damaged = new DamagedStoreException.Collector();
    // A head is null only where the upgrade could not read the record: the record then says why.
    try (PreparedStatement s = c.prepareStatement(
            "SELECT id, version, coalesce(head, record)::text FROM postmortems ORDER BY id COLLATE \"C\"");
        ResultSet rs = s.executeQuery()) {
      while (rs.next()) {
        try {
          heads.add(records.read(rs.getString(1), rs.getLong(2), Instant.EPOCH, rs.getString(3)).postmortem()
              .withActionItems(List.of()));
        } catch (DamagedStoreException e) {
          damaged.add(e);
        }
      }
    }
    damaged.throwIfAny();
    return List.copyOf(heads);
  }

  private static Map<ItemFacts, Long> facts(Connection c) throws SQLException {
    Map<ItemFacts, Long> facts = new HashMap<>();
    try (PreparedStatement s = c.prepareStatement("SELECT priority, status, due_date, closed_on, days_to_close, "
            + "verification_state, verification_due, verified_on, count(*) FROM action_items "
            + "GROUP BY 1, 2, 3, 4, 5, 6, 7, 8");
        ResultSet rs = s.executeQuery()) {
      while (rs.next()) {
        String priority = rs.getString(1);
        String state = rs.getString(6);
        long days = rs.getLong(5);
        Long daysToClose = rs.wasNull() ? null : days;
        facts.put(new ItemFacts(priority == null ? null : Priority.valueOf(priority), ItemStatus.valueOf(rs.getString(2)),
            rs.getObject(3, LocalDate.class), rs.getObject(4, LocalDate.class), daysToClose,
            state == null ? null : Verification.State.valueOf(state), rs.getObject(7, LocalDate.class),
            rs.getObject(8, LocalDate.class)), rs.getLong(9));
      }
    }
    return Map.copyOf(facts);
  }
}
