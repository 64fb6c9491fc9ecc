package dev.followthrough.postgres;

import dev.followthrough.core.model.ItemStatus;
import dev.followthrough.core.model.Postmortem;
import dev.followthrough.core.model.Priority;
import dev.followthrough.core.model.Verification;
import dev.followthrough.core.store.DamagedStoreException;
import dev.followthrough.core.store.ItemFacts;
import dev.followthrough.core.store.ItemRow;
import dev.followthrough.core.store.QualityCount;
import dev.followthrough.core.store.ReportData;
import dev.followthrough.core.store.ReportSelection;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

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

  /** Runs work in a transaction of its own. */
  interface Transactions {
    <T> T run(PostgresActionStore.SqlWork<T> work);
  }

  /**
   * Reads the heads now; counts the facts meanwhile on another connection while the report reads
   * its listed items, since each makes the server scan every item row. Three transactions: a
   * write between them may show in one part and not yet in another.
   */
  ReportData read(Transactions transactions, boolean twoConnections) {
    List<Postmortem> heads = transactions.run(this::heads);
    // With a pool of one, the listed items would wait for the only connection: count first instead.
    CompletableFuture<Map<ItemFacts, Long>> facts = twoConnections
        ? CompletableFuture.supplyAsync(() -> transactions.run(ReportQueries::facts))
        : CompletableFuture.completedFuture(transactions.run(ReportQueries::facts));
    return ReportData.of(heads, () -> {
      try {
        return facts.join();
      } catch (CompletionException e) {
        throw e.getCause() instanceof RuntimeException cause ? cause : e;
      }
    }, selection -> transactions.run(c -> listed(c, selection)), () -> transactions.run(ReportQueries::quality));
  }

  /**
   * The items a report lists, selected as {@link ReportSelection#matches} says: first the open
   * items of recurred postmortems in their order, then the rest unordered, since sorting a few
   * hundred thousand overdue items' records costs the server more than the report's own sort.
   */
  List<ItemRow> listed(Connection c, ReportSelection selection) throws SQLException {
    String[] recurred = selection.recurred().toArray(String[]::new);
    List<ItemRow> rows = new ArrayList<>();
    if (recurred.length > 0) {
      rows.addAll(items.select(c, "status = ANY (?) AND postmortem_id = ANY (?)", List.of(OPEN, recurred), true));
    }
    rows.addAll(items.select(c, "((status = ANY (?) AND (owner IS NULL OR due_date <= ?))"
        + " OR (verification_state = 'PENDING' AND verification_due < ?))"
        + " AND NOT (status = ANY (?) AND postmortem_id = ANY (?))",
        List.of(OPEN, selection.dueBy(), selection.asOf(), OPEN, recurred), false));
    return rows;
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

  /** The findings counted per postmortem and owner, as {@link QualityCount#of} counts them. */
  private static List<QualityCount> quality(Connection c) throws SQLException {
    List<QualityCount> counts = new ArrayList<>();
    try (PreparedStatement s = c.prepareStatement("SELECT postmortem_id, owner, count(*), count(findings), "
            + "count(*) FILTER (WHERE findings > 0), count(*) FILTER (WHERE error_findings > 0) FROM action_items "
            + "WHERE NOT missing_from_source GROUP BY 1, 2");
        ResultSet rs = s.executeQuery()) {
      while (rs.next()) {
        counts.add(new QualityCount(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
            rs.getLong(6)));
      }
    }
    return List.copyOf(counts);
  }

  private static Map<ItemFacts, Long> facts(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      // Enough memory to group in a hash table rather than sort a million rows on disk; and no JIT
      // compilation, which costs more than it saves on one scan.
      s.execute("SET LOCAL work_mem = '64MB'");
      s.execute("SET LOCAL jit = off");
    }
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
