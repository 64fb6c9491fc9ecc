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
      try (PreparedStatement s = c.prepareStatement(
          "INSERT INTO postmortems (id, version, record, updated_at) VALUES ('p1', 1, ?::jsonb, now())")) {
        s.setString(1, new PostmortemRecords("old").write(pm));
        s.executeUpdate();
      }
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
}
