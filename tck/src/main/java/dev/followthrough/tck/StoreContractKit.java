package dev.followthrough.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.followthrough.core.model.ActionItem;
import dev.followthrough.core.model.ChangeOrigin;
import dev.followthrough.core.model.HistoryEntry;
import dev.followthrough.core.model.ItemStatus;
import dev.followthrough.core.model.Postmortem;
import dev.followthrough.core.model.IncidentSummary;
import dev.followthrough.core.model.Priority;
import dev.followthrough.core.model.Recurrence;
import dev.followthrough.core.model.TicketLink;
import dev.followthrough.core.model.Verification;
import dev.followthrough.core.report.ReportBuilder;
import dev.followthrough.core.store.ActionStore;
import dev.followthrough.core.store.ItemQuery;
import dev.followthrough.core.store.ItemRow;
import dev.followthrough.core.store.ReportData;
import dev.followthrough.core.store.ReportSelection;
import dev.followthrough.core.store.StaleVersionException;
import dev.followthrough.core.store.StoredPostmortem;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link ActionStore} must show. A store module's test extends this class and
 * opens a fresh, empty store for each test; the kit closes it.
 */
public abstract class StoreContractKit implements SyncStateContract, DeliveryContract, ReportFactsContract,
    QualityContract {
  protected ActionStore store;

  @Override
  public ActionStore storeUnderTest() {
    return store;
  }

  @Override
  public ActionStore secondHandle() throws Exception {
    return openAgain();
  }

  /** A new, empty store. */
  protected abstract ActionStore createStore() throws Exception;

  /** A second handle on the same store, as another process would open it. */
  protected abstract ActionStore openAgain() throws Exception;

  @BeforeEach
  void openStore() throws Exception {
    store = createStore();
  }

  @AfterEach
  void closeStore() throws Exception {
    store.close();
  }

  protected static Postmortem postmortem(String id, String... itemTitles) {
    List<ActionItem> items = java.util.Arrays.stream(itemTitles)
        .map(t -> ActionItem.open(t.toLowerCase().replace(' ', '-'), t)).toList();
    return new Postmortem(id, "Postmortem " + id, null, null, null, null, items, null, null);
  }

  @Test
  void insertedPostmortemIsFoundAtVersionOne() {
    StoredPostmortem saved = store.insert(postmortem("p1", "Fix it"));
    assertThat(saved.version()).isEqualTo(1);
    assertThat(store.find("p1")).map(StoredPostmortem::postmortem).contains(postmortem("p1", "Fix it"));
    assertThat(store.find("nope")).isEmpty();
  }

  @Test
  void findAllIsOrderedById() {
    store.insert(postmortem("b"));
    store.insert(postmortem("a"));
    assertThat(store.findAll()).extracting(StoredPostmortem::id).containsExactly("a", "b");
  }

  @Test
  void everyFieldSurvivesARoundTrip() {
    Instant at = Instant.parse("2025-06-01T10:00:00Z");
    ActionItem item = ActionItem.open("a1", "Add an alert — ünïcödé \"quoted\"").withOwner("erin")
        .withDueDate(java.time.LocalDate.of(2025, 7, 1)).withStatus(ItemStatus.IN_PROGRESS)
        .withTickets(List.of(TicketLink.of("example", "OPS-1", "https://tracker.example.com/OPS-1")))
        .withVerificationCriterion("No page for a week")
        .recording(new HistoryEntry(at, ChangeOrigin.TRACKER, "status", "OPEN", "IN_PROGRESS", "erin"));
    Postmortem p = new Postmortem("p1", "Title", null, null, null, null, List.of(item), null, null);
    store.insert(p);
    assertThat(store.find("p1").orElseThrow().postmortem()).isEqualTo(p);
  }

  @Test
  void updateBumpsTheVersion() {
    StoredPostmortem v1 = store.insert(postmortem("p1", "Fix it"));
    Postmortem changed = v1.postmortem().withItem(v1.postmortem().actionItems().get(0).withStatus(ItemStatus.DONE));
    StoredPostmortem v2 = store.update(changed, v1.version());
    assertThat(v2.version()).isEqualTo(2);
    assertThat(store.find("p1").orElseThrow().postmortem().actionItems().get(0).status()).isEqualTo(ItemStatus.DONE);
  }

  @Test
  void staleUpdateIsRejectedNotMerged() {
    StoredPostmortem v1 = store.insert(postmortem("p1", "Fix it"));
    store.update(postmortem("p1", "Fix it", "Second"), v1.version());
    assertThatThrownBy(() -> store.update(postmortem("p1", "Overwrite"), v1.version()))
        .isInstanceOf(StaleVersionException.class)
        .hasMessageContaining("p1")
        .hasMessageContaining("expected version 1, found 2");
    assertThat(store.find("p1").orElseThrow().postmortem().actionItems()).hasSize(2);
  }

  @Test
  void secondInsertOfTheSameIdIsRejected() {
    store.insert(postmortem("p1"));
    assertThatThrownBy(() -> store.insert(postmortem("p1"))).isInstanceOf(StaleVersionException.class);
  }

  @Test
  void updateOfAnUnknownPostmortemIsRejected() {
    assertThatThrownBy(() -> store.update(postmortem("ghost"), 1)).isInstanceOf(StaleVersionException.class);
  }

  @Test
  void writesAreSeenThroughAnotherHandle() throws Exception {
    store.insert(postmortem("p1", "Fix it"));
    try (ActionStore other = openAgain()) {
      assertThat(other.find("p1")).map(StoredPostmortem::version).contains(1L);
      other.update(postmortem("p1", "Fix it", "More"), 1);
    }
    assertThat(store.find("p1").orElseThrow().postmortem().actionItems()).hasSize(2);
  }

  @Test
  void concurrentModificationsAreAllKept() throws Exception {
    store.insert(postmortem("p1"));
    int writers = 3;
    int each = 10;
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int w = 0; w < writers; w++) {
        int writer = w;
        done.add(pool.submit(() -> {
          for (int i = 0; i < each; i++) {
            String id = "w" + writer + "-" + i;
            store.modify("p1", p -> p.withActionItems(
                java.util.stream.Stream.concat(p.actionItems().stream(), java.util.stream.Stream.of(ActionItem.open(id, id))).toList()));
          }
          return null;
        }));
      }
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(store.find("p1").orElseThrow().postmortem().actionItems()).hasSize(writers * each);
  }

  @Test
  void modifyOfAnUnknownPostmortemChangesNothing() {
    assertThat(store.modify("ghost", p -> p)).isEmpty();
    assertThat(store.findAll()).isEmpty();
  }

  @Test
  void oneRunAtATime() throws Exception {
    Optional<ActionStore.RunLock> first = store.tryLockRun();
    assertThat(first).isPresent();
    try (ActionStore other = openAgain()) {
      assertThat(other.tryLockRun()).as("a second handle while the lock is held").isEmpty();
      first.get().close();
      Optional<ActionStore.RunLock> second = other.tryLockRun();
      assertThat(second).as("after the holder released it").isPresent();
      second.get().close();
    }
  }

  @Test
  void findItemsAgreesWithFilteringFindAll() {
    java.time.LocalDate may = java.time.LocalDate.parse("2025-05-20");
    store.insert(new Postmortem("b", "B", null, null, null, null, List.of(
        ActionItem.open("one", "One").withOwner("Erin").withDueDate(may),
        ActionItem.open("two", "Two").withOwner("sam").withStatus(ItemStatus.DONE).withDueDate(may.plusDays(9)),
        ActionItem.open("three", "Three").withOwner("@erin").withStatus(ItemStatus.BLOCKED),
        ActionItem.open("four", "Four")), null, null));
    store.insert(new Postmortem("a", "A", null, null, null, null, List.of(
        ActionItem.open("five", "Five").withOwner("erin").withStatus(ItemStatus.DONE).withDueDate(may.minusDays(3)),
        ActionItem.open("six", "Six").withOwner("erin@example.com")), null, null));
    store.insert(postmortem("c"));
    store.update(new Postmortem("b", "B", null, null, null, null, List.of(
        ActionItem.open("one", "One").withOwner("Erin").withDueDate(may).withStatus(ItemStatus.IN_PROGRESS),
        ActionItem.open("four", "Four").withOwner("ERIN")), null, null), 1);
    ItemQuery all = ItemQuery.all();
    List<ItemQuery> queries = List.of(all, all.withOwner("erin"), all.withOwner("@ERIN"), all.withOwner("nobody"),
        all.withOwner("erin@example.com"), all.withStatuses(java.util.Set.of(ItemStatus.DONE, ItemStatus.OPEN)),
        all.withPostmortemId("b"), all.withPostmortemId("none"), all.withDueBefore(may), all.withDueAfter(may.minusDays(1)),
        all.withOwner("erin").withStatuses(java.util.Set.of(ItemStatus.IN_PROGRESS)).withDueBefore(may.plusDays(1)));
    for (ItemQuery query : queries) {
      List<ItemRow> expected = new ArrayList<>();
      store.findAll().forEach(p -> p.postmortem().actionItems().stream().filter(i -> query.matches(p.id(), i))
          .forEach(i -> expected.add(new ItemRow(p.id(), i))));
      assertThat(store.findItems(query)).as(query.toString()).containsExactlyElementsOf(expected);
    }
    assertThat(store.findItems(all.withOwner("erin"))).extracting(r -> r.item().id())
        .containsExactly("five", "one", "four");
  }

  @Test
  void reportDataAgreesWithReadingEveryPostmortem() {
    LocalDate may = LocalDate.parse("2025-05-20");
    Instant closed = Instant.parse("2025-05-25T23:30:00Z");
    store.insert(new Postmortem("b", "B", null, incident("2025-05-01"), null, null, List.of(
        ActionItem.open("late", "Late").withOwner("erin").withDueDate(may).withPriority(Priority.P2),
        ActionItem.open("soon", "Soon").withOwner("sam").withDueDate(may.plusDays(40)),
        ActionItem.open("unowned", "Unowned"),
        closedItem("done", closed).withVerification(Verification.pending(may.plusDays(30), "no deadlocks for a month")),
        closedItem("effective", closed).withVerification(Verification.pending(may, null)
            .recorded(Verification.State.EFFECTIVE, "dashboard", closed.plusSeconds(86_400 * 3), "erin")),
        closedItem("ineffective", closed).withPriority(Priority.P3).withVerification(Verification.pending(may, null)
            .recorded(Verification.State.INEFFECTIVE, null, closed, "sam")),
        ActionItem.open("dropped", "Dropped").withStatus(ItemStatus.WONT_DO)), null, null));
    store.insert(new Postmortem("a", "A", null, incident("2025-06-30"), null, null, List.of(
        ActionItem.open("blocked", "Blocked").withOwner("erin").withStatus(ItemStatus.BLOCKED).withDueDate(may)),
        null, null).withRecurrenceOf(List.of(recurrence("b", Recurrence.Status.SUSPECTED),
            recurrence("c", Recurrence.Status.DISMISSED))));
    store.insert(new Postmortem("c", "C", null, null, null, null, List.of(
        ActionItem.open("far", "Far").withOwner("sam").withDueDate(may.plusDays(300))), null, null));
    // Items sharing all their facts (counted, not one each); an incident dated by its start and end;
    // a verification pending on an open item that nothing else would list.
    IncidentSummary timed = new IncidentSummary(null, Instant.parse("2025-04-30T22:00:00Z"),
        Instant.parse("2025-05-01T02:00:00Z"), null, null, null, null, null, null);
    store.insert(new Postmortem("d", "D", null, timed, null, null, List.of(
        closedItem("twin-one", closed), closedItem("twin-two", closed), closedItem("twin-three", closed),
        ActionItem.open("reopened", "Reopened").withOwner("sam").withDueDate(may.plusDays(200))
            .withVerification(Verification.pending(may, "still failing?"))), null, null));
    // What a store keeps for reports follows an update too.
    Postmortem b = store.find("b").orElseThrow().postmortem();
    store.update(b.withItem(b.item("soon").orElseThrow().withDueDate(may.plusDays(45)))
        .withRecurrenceOf(List.of(recurrence("c", Recurrence.Status.CONFIRMED))), 1);
    List<Postmortem> all = store.findAll().stream().map(StoredPostmortem::postmortem).toList();
    ReportData expected = ReportData.of(all);

    ReportData data = store.reportData();

    assertThat(data.postmortems()).isEqualTo(expected.postmortems());
    assertThat(data.itemFacts()).isEqualTo(expected.itemFacts());
    for (LocalDate asOf : List.of(may.minusDays(30), may.minusDays(7), may, may.plusDays(31), may.plusDays(400))) {
      for (Set<String> recurred : List.of(Set.<String>of(), Set.of("b"), Set.of("a", "c"))) {
        ReportSelection selection = new ReportSelection(asOf.plusDays(7), asOf, recurred);
        assertThat(data.items(selection)).filteredOn(r -> selection.matches(r.postmortemId(), r.item()))
            .as(selection.toString()).containsExactlyInAnyOrderElementsOf(expected.items(selection))
            .filteredOn(r -> recurred.contains(r.postmortemId()) && !r.item().status().isClosed())
            .containsExactlyElementsOf(expected.items(selection).stream()
                .filter(r -> recurred.contains(r.postmortemId()) && !r.item().status().isClosed()).toList());
        assertThat(new ReportBuilder(asOf, 7).build(data)).isEqualTo(new ReportBuilder(asOf, 7).build(all));
      }
    }
  }

  private static ActionItem closedItem(String id, Instant closed) {
    return ActionItem.open(id, "Closed " + id).withStatus(ItemStatus.DONE).withDueDate(LocalDate.parse("2025-05-20"))
        .withPriority(Priority.P1).recording(new HistoryEntry(closed, ChangeOrigin.TRACKER, "status", "OPEN", "DONE", null));
  }

  private static IncidentSummary incident(String day) {
    return new IncidentSummary(LocalDate.parse(day), null, null, null, null, null, null, null, null);
  }

  private static Recurrence recurrence(String earlier, Recurrence.Status status) {
    return new Recurrence(earlier, 0.5, status, List.of("deadlock"), new Recurrence.EarlierItems(1, 2, 0));
  }

  @Test
  void describeNamesTheStore() {
    assertThat(store.describe()).isNotBlank();
  }
}
