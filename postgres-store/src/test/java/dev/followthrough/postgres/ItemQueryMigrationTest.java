package dev.followthrough.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.followthrough.core.model.ActionItem;
import dev.followthrough.core.model.ItemStatus;
import dev.followthrough.core.model.Postmortem;
import dev.followthrough.core.store.ActionStore;
import dev.followthrough.core.store.ItemQuery;
import dev.followthrough.core.store.ItemRow;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.List;
import java.time.Instant;
import java.time.LocalDate;
import dev.followthrough.core.json.JsonFormat;
import dev.followthrough.core.model.ChangeOrigin;
import dev.followthrough.core.model.HistoryEntry;
import dev.followthrough.core.model.IncidentSummary;
import dev.followthrough.core.model.Priority;
import dev.followthrough.core.model.Verification;
import dev.followthrough.core.report.ReportBuilder;
import dev.followthrough.core.store.ItemFacts;
import dev.followthrough.core.store.ReportData;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A store written before the item queries (migration V1 only) answers findItems once upgraded. */
@ExtendWith(ThrowawayPostgres.Available.class)
class ItemQueryMigrationTest {

  @Test
  void rowsWrittenUnderVersionOneAreQueryableAfterTheUpgrade() throws Exception {
    ThrowawayPostgres pg = ThrowawayPostgres.shared();
    PostgresSettings settings = pg.settings(pg.createDatabase("upgrade")).withSchema("old");
    Flyway.configure().dataSource(settings.url(), settings.user(), settings.password().reveal())
        .schemas("old").defaultSchema("old").createSchemas(true)
        .locations("classpath:dev/followthrough/postgres/migration").target("1").load().migrate();
    Postmortem pm = new Postmortem("p1", "P1", null, null, null, null, List.of(
        ActionItem.open("a", "A").withOwner("@Erin").withStatus(ItemStatus.BLOCKED),
        ActionItem.open("b", "B").withOwner("sam")), null, null);
    try (Connection c = DriverManager.getConnection(settings.url() + "?currentSchema=old", settings.user(),
        settings.password().reveal())) {
      insertRecord(c, pm);
      // The V1 item rows, without the item and owner key columns V2 adds.
      try (PreparedStatement s = c.prepareStatement("INSERT INTO action_items (postmortem_id, position, item_id, "
          + "title, owner, status) VALUES ('p1', 0, 'a', 'A', '@Erin', 'BLOCKED'), ('p1', 1, 'b', 'B', 'sam', 'OPEN')")) {
        s.executeUpdate();
      }
    }
    try (ActionStore store = settings.open()) {
      assertThat(store.findItems(ItemQuery.all().withOwner("erin")))
          .containsExactly(new ItemRow("p1", pm.actionItems().get(0)));
      assertThat(store.findItems(ItemQuery.all())).extracting(r -> r.item().id()).containsExactly("a", "b");
    }
  }

  @Test
  void rowsWrittenUnderVersionTwoGetTheirReportFactsInTheUpgrade() throws Exception {
    ThrowawayPostgres pg = ThrowawayPostgres.shared();
    PostgresSettings settings = pg.settings(pg.createDatabase("upgradethree")).withSchema("old");
    Flyway.configure().dataSource(settings.url(), settings.user(), settings.password().reveal())
        .schemas("old").defaultSchema("old").createSchemas(true)
        .locations("classpath:dev/followthrough/postgres/migration").target("2").load().migrate();
    LocalDate due = LocalDate.parse("2025-05-20");
    ActionItem done = ActionItem.open("b", "B").withOwner("sam").withDueDate(due).withPriority(Priority.P2)
        .withStatus(ItemStatus.DONE).recording(new HistoryEntry(Instant.parse("2025-05-30T08:00:00Z"),
            ChangeOrigin.TRACKER, "status", "OPEN", "DONE", null))
        .withVerification(Verification.pending(due.plusDays(30), "no repeat"));
    Postmortem pm = new Postmortem("p1", "P1", null, new IncidentSummary(LocalDate.parse("2025-05-02"), null, null,
        null, null, null, null, null, null), null, null, List.of(
            ActionItem.open("a", "A").withOwner("@Erin").withStatus(ItemStatus.BLOCKED).withDueDate(due), done),
        null, null);
    try (Connection c = DriverManager.getConnection(settings.url() + "?currentSchema=old", settings.user(),
        settings.password().reveal())) {
      insertRecord(c, pm);
      // The V2 item rows: no facts and no head yet.
      try (PreparedStatement s = c.prepareStatement("INSERT INTO action_items (postmortem_id, position, item_id, "
          + "title, owner, status, priority, due_date, owner_key, item) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)")) {
        for (int i = 0; i < 2; i++) {
          ActionItem item = pm.actionItems().get(i);
          s.setString(1, "p1");
          s.setInt(2, i);
          s.setString(3, item.id());
          s.setString(4, item.title());
          s.setString(5, item.owner());
          s.setString(6, item.status().name());
          s.setString(7, item.priority() == null ? null : item.priority().name());
          s.setObject(8, item.dueDate());
          s.setString(9, ItemQuery.normalOwner(item.owner()));
          s.setString(10, JsonFormat.json().write(JsonFormat.json().toTree(item)));
          s.executeUpdate();
        }
      }
    }
    try (ActionStore store = settings.open()) {
      ReportData expected = ReportData.of(List.of(pm));
      ReportData upgraded = store.reportData();
      assertThat(upgraded.postmortems()).isEqualTo(expected.postmortems());
      assertThat(upgraded.itemFacts()).isEqualTo(expected.itemFacts())
          .containsKey(ItemFacts.of(done, LocalDate.parse("2025-05-02")));
      LocalDate asOf = due.plusDays(40);
      assertThat(new ReportBuilder(asOf, 7).build(upgraded)).isEqualTo(new ReportBuilder(asOf, 7).build(List.of(pm)));
    }
  }

  private static void insertRecord(Connection c, Postmortem pm) throws Exception {
    try (PreparedStatement s = c.prepareStatement(
        "INSERT INTO postmortems (id, version, record, updated_at) VALUES (?, 1, ?::jsonb, now())")) {
      s.setString(1, pm.id());
      s.setString(2, new PostmortemRecords("old").write(pm));
      s.executeUpdate();
    }
  }
}
