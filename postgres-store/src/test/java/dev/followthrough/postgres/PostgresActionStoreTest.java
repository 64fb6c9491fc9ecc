package dev.followthrough.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.followthrough.core.model.ActionItem;
import dev.followthrough.core.model.ItemStatus;
import dev.followthrough.core.store.ActionStore;
import dev.followthrough.core.store.DamagedStoreException;
import dev.followthrough.core.store.StaleVersionException;
import dev.followthrough.core.store.StoredPostmortem;
import dev.followthrough.tck.StoreContractKit;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The store contract and the PostgreSQL store's own guarantees, on a real server; one schema per test. */
@ExtendWith(ThrowawayPostgres.Available.class)
class PostgresActionStoreTest extends StoreContractKit {
  private static final AtomicInteger SCHEMAS = new AtomicInteger();
  static ThrowawayPostgres pg;
  static String database;
  PostgresSettings settings;

  /** Started from each test, not once per class, so that every test reports why it is skipped. */
  private static synchronized String database() {
    pg = ThrowawayPostgres.shared();
    if (database == null) {
      database = pg.createDatabase("contract");
    }
    return database;
  }

  @Override
  protected ActionStore createStore() {
    String db = database();
    settings = pg.settings(db).withSchema("test_" + SCHEMAS.incrementAndGet());
    return settings.open();
  }

  @Override
  protected ActionStore openAgain() {
    return settings.open();
  }

  private void sql(String statement) {
    pg.execute(database, "SET search_path TO " + settings.schema() + "; " + statement);
  }

  @Test
  void dataSurvivesReopening() {
    store.insert(postmortem("p1", "Fix it"));
    try (ActionStore again = openAgain()) {
      assertThat(again.find("p1")).map(StoredPostmortem::version).contains(1L);
    }
  }

  @Test
  void aRowWithAnInvalidPostmortemIsReportedByIdNotSkipped() {
    store.insert(postmortem("p1", "Fix it"));
    store.insert(postmortem("p2", "Other"));
    sql("UPDATE postmortems SET record = jsonb_set(record, '{postmortem,title}', '\"\"') WHERE id = 'p1'");
    assertThatThrownBy(() -> store.find("p1"))
        .isInstanceOf(DamagedStoreException.class)
        .hasMessageContaining("postmortems row 'p1'")
        .hasMessageContaining("title: must not be blank");
    DamagedStoreException all = catchThrowableOfType(DamagedStoreException.class, () -> store.findAll());
    assertThat(all.files()).singleElement().asString().contains("'p1'").contains(settings.describe());
    assertThat(store.find("p2")).isPresent();
  }

  @Test
  void everyDamagedRowIsNamed() {
    store.insert(postmortem("p1"));
    store.insert(postmortem("p2"));
    store.insert(postmortem("p3"));
    sql("UPDATE postmortems SET record = '{\"schemaVersion\": 99, \"postmortem\": {}}' WHERE id = 'p1'");
    sql("UPDATE postmortems SET record = '[1, 2]' WHERE id = 'p3'");
    DamagedStoreException e = catchThrowableOfType(DamagedStoreException.class, () -> store.findAll());
    assertThat(e.files()).hasSize(2).anySatisfy(f -> assertThat(f).contains("'p1'"))
        .anySatisfy(f -> assertThat(f).contains("'p3'"));
  }

  @Test
  void aRowHoldingAnotherPostmortemIsDamaged() {
    store.insert(postmortem("p1"));
    sql("UPDATE postmortems SET record = jsonb_set(record, '{postmortem,id}', '\"p9\"') WHERE id = 'p1'");
    assertThatThrownBy(() -> store.find("p1")).isInstanceOf(DamagedStoreException.class)
        .hasMessageContaining("it holds postmortem p9");
  }

  @Test
  void instancesOpeningANewSchemaAtOnceMigrateItOnce() throws Exception {
    PostgresSettings fresh = settings.withSchema(settings.schema() + "_fresh");
    ExecutorService threads = Executors.newFixedThreadPool(4);
    try {
      List<Future<ActionStore>> opened = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        opened.add(threads.submit(fresh::open));
      }
      for (Future<ActionStore> f : opened) {
        f.get().close();
      }
    } finally {
      threads.shutdownNow();
    }
    try (ActionStore one = fresh.open()) {
      assertThat(one.insert(postmortem("p1")).version()).isEqualTo(1);
    }
  }

  @Test
  void aSchemaHoldingOtherTablesGetsTheStoreBesideThem() {
    PostgresSettings shared = settings.withSchema(settings.schema() + "_shared");
    pg.execute(database, "CREATE SCHEMA " + shared.schema() + "; CREATE TABLE " + shared.schema()
        + ".invoices (id int PRIMARY KEY)");
    try (ActionStore beside = shared.open()) {
      assertThat(beside.insert(postmortem("p1")).version()).isEqualTo(1);
    }
  }

  @Test
  void controlCharactersSurviveARoundTrip() {
    var p = postmortem("p1").withActionItems(List.of(ActionItem.open("a1", "Tab\there, bell \u0007, escape \u001b[0m"),
        ActionItem.open("a2", "A written escape: \\u0000 and \\\\u0000")));
    store.insert(p);
    assertThat(store.find("p1").orElseThrow().postmortem()).isEqualTo(p);
  }

  @Test
  void aNulCharacterIsRefusedByNameInsteadOfFailingObscurely() {
    var p = postmortem("p1").withActionItems(List.of(ActionItem.open("a1", "Before\u0000after")));
    assertThatThrownBy(() -> store.insert(p)).hasMessageContaining("p1").hasMessageContaining("U+0000");
    assertThat(store.find("p1")).isEmpty();
  }

  @Test
  void insertOfAnExistingIdNamesTheVersionFound() {
    store.insert(postmortem("p1"));
    assertThatThrownBy(() -> store.insert(postmortem("p1"))).isInstanceOf(StaleVersionException.class)
        .hasMessageContaining("postmortem p1").hasMessageContaining("expected version 0, found 1");
  }

  @Test
  void theItemTableFollowsEveryWrite() throws Exception {
    ActionItem item = ActionItem.open("a1", "Add an alert").withOwner("erin").withDueDate(LocalDate.of(2025, 7, 1));
    StoredPostmortem v1 = store.insert(postmortem("p1").withActionItems(List.of(item, ActionItem.open("a2", "Other"))));
    store.update(v1.postmortem().withActionItems(List.of(item.withStatus(ItemStatus.DONE))), 1);
    try (Connection c = DriverManager.getConnection(settings.url(), settings.user(), pg.password().reveal());
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT item_id, owner, status, due_date FROM " + settings.schema()
            + ".action_items WHERE postmortem_id = 'p1' ORDER BY position")) {
      assertThat(rs.next()).isTrue();
      assertThat(List.of(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
          .containsExactly("a1", "erin", "DONE", "2025-07-01");
      assertThat(rs.next()).as("the removed item's row is gone").isFalse();
    }
    try (Connection c = DriverManager.getConnection(settings.url(), settings.user(), pg.password().reveal());
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT head::text FROM " + settings.schema() + ".postmortems WHERE id = 'p1'")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1)).as("the record without its items, for reports")
          .contains("\"id\": \"p1\"").contains("\"actionItems\": []").doesNotContain("Add an alert");
    }
  }

  @Test
  void aStaleUpdateLeavesTheItemTableAsItWas() {
    StoredPostmortem v1 = store.insert(postmortem("p1", "Fix it"));
    store.update(postmortem("p1", "Fix it", "Second"), v1.version());
    assertThatThrownBy(() -> store.update(postmortem("p1", "Overwrite"), 1)).isInstanceOf(StaleVersionException.class);
    assertThat(store.find("p1").orElseThrow().version()).isEqualTo(2);
    assertThat(countItemRows()).isEqualTo(2);
  }

  private int countItemRows() {
    try (Connection c = DriverManager.getConnection(settings.url(), settings.user(), pg.password().reveal());
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT count(*) FROM " + settings.schema() + ".action_items")) {
      rs.next();
      return rs.getInt(1);
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void tenWritersOnTheirOwnStoresLoseNoUpdate() throws Exception {
    store.insert(postmortem("shared"));
    int writers = 10;
    int each = 25;
    ExecutorService threads = Executors.newFixedThreadPool(writers);
    List<ActionStore> stores = new ArrayList<>();
    long started = System.nanoTime();
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int w = 0; w < writers; w++) {
        ActionStore own = new PostgresActionStore(settings.withPoolSize(2), Clock.systemUTC());
        stores.add(own);
        int writer = w;
        done.add(threads.submit(() -> {
          for (int i = 0; i < each; i++) {
            String id = "w" + writer + "-" + i;
            own.modify("shared", p -> p.withActionItems(
                Stream.concat(p.actionItems().stream(), Stream.of(ActionItem.open(id, id))).toList()));
          }
          return null;
        }));
      }
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      threads.shutdownNow();
      stores.forEach(ActionStore::close);
    }
    long millis = (System.nanoTime() - started) / 1_000_000;
    StoredPostmortem shared = store.find("shared").orElseThrow();
    assertThat(shared.postmortem().actionItems()).hasSize(writers * each);
    assertThat(shared.version()).isEqualTo(1 + writers * each);
    System.out.printf("%d writers x %d modify calls on separate stores: %d ms%n", writers, each, millis);
  }

  @Test
  void aModifyAndAPlainUpdateRacingNeverBothWin() throws Exception {
    StoredPostmortem v1 = store.insert(postmortem("p1"));
    CompletableFuture<Throwable> theirs = new CompletableFuture<>();
    try (ActionStore other = openAgain()) {
      store.modify("p1", p -> {
        // Another handle writes while this change is computed: it waits for the row, then finds it changed.
        new Thread(() -> {
          try {
            other.update(postmortem("p1", "Theirs"), v1.version());
            theirs.complete(null);
          } catch (RuntimeException e) {
            theirs.complete(e);
          }
        }).start();
        sleepBriefly();
        return p.withActionItems(List.of(ActionItem.open("mine", "Mine")));
      });
      assertThat(theirs.get(30, TimeUnit.SECONDS)).isInstanceOf(StaleVersionException.class);
    }
    assertThat(store.find("p1").orElseThrow().postmortem().actionItems()).extracting(ActionItem::id).containsExactly("mine");
  }

  private static void sleepBriefly() {
    try {
      Thread.sleep(300);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
