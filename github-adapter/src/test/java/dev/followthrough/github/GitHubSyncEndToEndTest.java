package dev.followthrough.github;

import static org.assertj.core.api.Assertions.assertThat;

import dev.followthrough.core.model.ActionItem;
import dev.followthrough.core.model.ItemStatus;
import dev.followthrough.core.model.TicketKeys;
import dev.followthrough.core.model.Postmortem;
import dev.followthrough.core.model.Priority;
import dev.followthrough.core.store.ActionStore;
import dev.followthrough.core.testing.StoreEdits;
import dev.followthrough.core.sync.SyncEngine;
import dev.followthrough.core.sync.SyncOptions;
import dev.followthrough.core.sync.SyncResult;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The sync engine against the GitHub simulator. */
class GitHubSyncEndToEndTest {
  final GitHubFixture fixture = new GitHubFixture();
  final ActionStore store = ActionStore.inMemory();
  final GitHubTracker tracker = fixture.tracker().createInterval(Duration.ZERO).users(Map.of("sam", "sam-o")).build();

  @AfterEach
  void stop() {
    fixture.close();
  }

  SyncEngine engine() {
    return SyncEngine.builder(store, tracker).clock(fixture.clock).sleeper(fixture.clock)
        .options(SyncOptions.defaults().withLabels(List.of("postmortem"))).build();
  }

  void fill(int postmortems, int items) {
    for (int p = 0; p < postmortems; p++) {
      List<ActionItem> list = new ArrayList<>();
      for (int i = 0; i < items; i++) {
        list.add(ActionItem.open("item-" + i, "Item " + i + " of incident " + p).withOwner(i % 2 == 0 ? "erin" : "sam")
            .withPriority(Priority.values()[i % 4]).withDueDate(LocalDate.of(2025, 7, 1).plusDays(i % 3)));
      }
      store.insert(new Postmortem("pm-" + p, "Incident " + p, null, null, null, null, list, null, null));
    }
  }

  ActionItem item(String pm, String id) {
    return store.find(pm).orElseThrow().postmortem().item(id).orElseThrow();
  }

  int number(String pm, String id) {
    return Integer.parseInt(item(pm, id).tickets().get(0).key());
  }

  @Test
  void aQuietResyncOf250ItemsSendsNoWriteAndThreeListCallsAnsweredNotModified() {
    fill(5, 50);
    SyncResult first = engine().sync();
    assertThat(first.created()).hasSize(250);
    assertThat(first.failures()).isEmpty();
    assertThat(fixture.github.issues()).hasSize(250);
    assertThat(fixture.github.milestones()).hasSize(3);

    fixture.server.resetRequests();
    SyncResult again = engine().sync();
    assertThat(again.unchanged()).isEqualTo(250);
    var requests = fixture.server.getAllServeEvents();
    assertThat(requests).allSatisfy(e -> assertThat(e.getRequest().getMethod().getName()).isEqualTo("GET"));
    assertThat(requests).filteredOn(e -> e.getRequest().getUrl().startsWith("/repos/acme/ops/issues?")).hasSize(3);

    // A scheduler keeps its tracker: the next quiet run reads the same unchanged pages, and
    // GitHub answers each with 304, which does not count against the hourly rate limit.
    int before = tracker.notModifiedAnswers();
    engine().sync();
    assertThat(tracker.notModifiedAnswers() - before).isEqualTo(3);
    assertThat(fixture.github.notModifiedAnswers()).isEqualTo(3);
  }

  @Test
  void closedInGitHubFlowsBackAndAnInProgressItemIsNotMovedEveryRun() {
    fill(1, 3);
    var stored = store.find("pm-0").orElseThrow();
    store.update(stored.postmortem().withItem(stored.postmortem().item("item-2").orElseThrow().withStatus(ItemStatus.IN_PROGRESS)),
        stored.version());
    engine().sync();
    fixture.github.close(number("pm-0", "item-0"), "completed");
    fixture.github.close(number("pm-0", "item-1"), "not_planned");
    SyncResult r = engine().sync();
    assertThat(r.pulled()).hasSize(2);
    assertThat(item("pm-0", "item-0").status()).isEqualTo(ItemStatus.DONE);
    assertThat(item("pm-0", "item-1").status()).isEqualTo(ItemStatus.WONT_DO);
    assertThat(item("pm-0", "item-2").status()).isEqualTo(ItemStatus.IN_PROGRESS);
    assertThat(engine().plan().actions()).isEmpty();
  }

  @Test
  void anAssigneeSetInGitHubIsPulledBackAsItsOwner() {
    fill(1, 1);
    engine().sync();
    fixture.github.assign(number("pm-0", "item-0"), "sam-o");
    engine().sync();
    assertThat(item("pm-0", "item-0").owner()).isEqualTo("sam");
  }

  @Test
  void aLocalEditAndAClosedItemArePushed() {
    fill(1, 2);
    engine().sync();
    var stored = store.find("pm-0").orElseThrow();
    store.update(stored.postmortem()
        .withItem(stored.postmortem().item("item-0").orElseThrow().withTitle("Renamed").withPriority(Priority.P4))
        .withItem(stored.postmortem().item("item-1").orElseThrow().withStatus(ItemStatus.DONE)), stored.version());
    SyncResult r = engine().sync();
    assertThat(r.updated()).hasSize(1);
    assertThat(r.transitioned()).hasSize(1);
    var renamed = fixture.github.issues().get(0);
    assertThat(renamed.path("title").asText()).isEqualTo("Renamed");
    assertThat(renamed.path("labels").toString()).contains("\"P4\"").doesNotContain("\"P1\"");
    assertThat(fixture.github.issues().get(1).path("state").asText()).isEqualTo("closed");
    assertThat(engine().plan().actions()).isEmpty();
  }

  @Test
  void realPostmortemIdsMakeKeysGitHubAcceptsAndDistinctPairsGetDistinctKeys() {
    String longPostmortem = "2025-05-03-payment-webhook-backlog-delays-order-confirmations";
    List<ActionItem> list = List.of(
        ActionItem.open("run-schema-migrations-through-the-online-migration-tool-only", "Run migrations online"),
        ActionItem.open("b-c", "Ambiguous one"));
    store.insert(new Postmortem(longPostmortem, "Webhooks", null, null, null, null, list, null, null));
    store.insert(new Postmortem("a-b", "Ambiguous", null, null, null, null, List.of(ActionItem.open("c", "Other one")), null, null));
    store.insert(new Postmortem("a", "Ambiguous too", null, null, null, null, List.of(ActionItem.open("b-c", "Third one")), null, null));
    SyncResult r = engine().sync();
    assertThat(r.failures()).isEmpty();
    assertThat(r.created()).hasSize(4);
    assertThat(fixture.github.issues()).allSatisfy(i -> i.path("labels")
        .forEach(l -> assertThat(l.path("name").asText().length()).isLessThanOrEqualTo(50)));
    assertThat(TicketKeys.of("a-b", "c")).isNotEqualTo(TicketKeys.of("a", "b-c"));
  }

  @Test
  void doneAndWontDoItemsGetIssuesClosedWithTheRightReasonInTheSameRun() {
    fill(1, 2);
    editStatus("item-0", ItemStatus.DONE);
    editStatus("item-1", ItemStatus.WONT_DO);
    SyncResult r = engine().sync();
    assertThat(r.failures()).isEmpty();
    assertThat(fixture.github.issues()).extracting(i -> i.path("state_reason").asText()).containsExactly("completed", "not_planned");
    assertThat(engine().plan().actions()).isEmpty();
  }

  @Test
  void aDeletedIssueAnswering410IsReportedAndTheOthersStillSync() {
    fill(1, 3);
    engine().sync();
    fixture.github.delete(number("pm-0", "item-1"));
    editTitle("item-2", "Renamed");
    SyncResult r = engine().sync();
    assertThat(r.failures()).isEmpty();
    assertThat(r.deleted()).singleElement().satisfies(d -> assertThat(d.item().itemId()).isEqualTo("item-1"));
    assertThat(r.updated()).hasSize(1);
    assertThat(engine().plan().describe()).contains("was deleted in the tracker");
  }

  @Test
  void aMilestoneMadeElsewhereAfterTheListWasReadIsUsedNotCreatedAgain() {
    fill(1, 1);
    engine().sync();
    fixture.github.addMilestone("Due 2025-09-09", "2025-09-09T12:00:00Z");
    var stored = store.find("pm-0").orElseThrow();
    store.update(stored.postmortem().withActionItems(List.of(stored.postmortem().actionItems().get(0),
        ActionItem.open("late", "Added later").withDueDate(LocalDate.of(2025, 9, 9)))), stored.version());
    SyncResult r = engine().sync();
    assertThat(r.failures()).isEmpty();
    assertThat(fixture.github.milestones()).filteredOn(m -> m.path("title").asText().equals("Due 2025-09-09")).hasSize(1);
  }

  @Test
  void issuesWithTheOldLongKeyAreAdoptedAndMovedToTheNewKey() {
    fill(1, 2);
    engine().sync();
    for (String id : List.of("item-0", "item-1")) {
      fixture.github.rekey(number("pm-0", id), TicketKeys.of("pm-0", id), TicketKeys.legacy("pm-0", id));
    }
    ActionStore fresh = ActionStore.inMemory();
    store.findAll().forEach(sp -> fresh.insert(sp.postmortem().withActionItems(sp.postmortem().actionItems().stream()
        .map(i -> i.withTickets(List.of())).toList())));
    SyncResult r = SyncEngine.builder(fresh, tracker).clock(fixture.clock).sleeper(fixture.clock)
        .options(SyncOptions.defaults().withLabels(List.of("postmortem"))).build().sync();
    assertThat(r.adopted()).hasSize(2);
    assertThat(r.created()).isEmpty();
    assertThat(fixture.github.issues()).hasSize(2).allSatisfy(i -> {
      assertThat(i.path("labels").toString()).doesNotContain("ft-pm-0-item");
      assertThat(i.path("body").asText()).doesNotContain("ft-pm-0-item");
    });
  }

  void editStatus(String itemId, ItemStatus status) {
    StoreEdits.edit(store, "pm-0", itemId, i -> i.withStatus(status));
  }

  void editTitle(String itemId, String title) {
    StoreEdits.edit(store, "pm-0", itemId, i -> i.withTitle(title));
  }
}
