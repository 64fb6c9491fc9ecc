package dev.followthrough.jira;

import static org.assertj.core.api.Assertions.assertThat;

import dev.followthrough.core.model.ActionItem;
import dev.followthrough.core.model.ItemStatus;
import dev.followthrough.core.model.Postmortem;
import dev.followthrough.core.model.Priority;
import dev.followthrough.core.store.ActionStore;
import dev.followthrough.core.testing.StoreEdits;
import dev.followthrough.core.model.TicketKeys;
import dev.followthrough.core.sync.RetryPolicy;
import dev.followthrough.core.sync.SyncEngine;
import dev.followthrough.tck.RequestKind;
import dev.followthrough.core.tracker.TrackerFault;
import dev.followthrough.core.sync.SyncOptions;
import dev.followthrough.core.sync.SyncResult;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The sync engine against the Jira simulator: create, search, change in "Jira", sync back. */
class JiraSyncEndToEndTest {
  final JiraFixture fixture = new JiraFixture(true);
  final ActionStore store = ActionStore.inMemory();
  JiraTracker tracker = fixture.tracker().users(Map.of("erin", "5b10ac8d82e05b22cc7d4ef5")).build();

  @AfterEach
  void stop() {
    fixture.close();
  }

  SyncEngine engine() {
    return SyncEngine.builder(store, tracker).clock(fixture.clock).sleeper(fixture.clock)
        .options(SyncOptions.defaults().withLabels(List.of("postmortem"))).build();
  }

  void fill(int postmortems, int items, String... owners) {
    for (int p = 0; p < postmortems; p++) {
      List<ActionItem> list = new ArrayList<>();
      for (int i = 0; i < items; i++) {
        list.add(ActionItem.open("item-" + i, "Item " + i + " of incident " + p)
            .withOwner(owners.length == 0 ? null : owners[(p * items + i) % owners.length])
            .withPriority(Priority.values()[i % 4]).withDueDate(LocalDate.of(2025, 7, 1).plusDays(i)));
      }
      store.insert(new Postmortem("pm-" + p, "Incident " + p, null, null, null, null, list, null, null));
    }
  }

  ActionItem item(String pm, String id) {
    return store.find(pm).orElseThrow().postmortem().item(id).orElseThrow();
  }

  String key(String pm, String id) {
    return item(pm, id).tickets().get(0).key();
  }

  @Test
  void twoHundredFiftyItemsTakeFiveBulkCreatesAndAQuietResyncOnlyReadsInPages() {
    fill(5, 50, "erin", "sam@example.com", "dana", "erin");
    SyncResult first = engine().sync();
    assertThat(first.created()).hasSize(250);
    assertThat(first.failures()).isEmpty();
    assertThat(fixture.jira.issues()).hasSize(250);
    assertThat(fixture.requests("POST", "/issue/bulk")).hasSize(5);
    // erin is configured; sam@example.com and dana are searched for once each.
    assertThat(fixture.requests("GET", "/user/search")).hasSize(2);
    assertThat(fixture.requests("POST", "/search/jql")).hasSize(3);

    // A scheduled resync comes after the search index has caught up; within its lag, issues the
    // index does not list yet are read one by one (never declared deleted).
    fixture.clock.advance(JiraFixture.LAG);
    fixture.resetRequests();
    SyncResult again = engine().sync();
    assertThat(again.unchanged()).isEqualTo(250);
    assertThat(fixture.server.getAllServeEvents()).allSatisfy(e -> assertThat(e.getRequest().getMethod().getName()).isEqualTo("POST"))
        .allSatisfy(e -> assertThat(e.getRequest().getUrl()).isEqualTo(JiraFixture.CLOUD_PATH + "/rest/api/3/search/jql"));
    assertThat(fixture.server.getAllServeEvents()).hasSize(3);
  }

  @Test
  void statusAndAssigneeChangedInJiraFlowBack() {
    fill(1, 3, "erin", "dana");
    engine().sync();
    fixture.jira.setStatus(key("pm-0", "item-0"), "done", "Won't Do", "Won't Do");
    fixture.jira.setStatus(key("pm-0", "item-2"), "indeterminate", "In Progress", null);
    fixture.jira.setAssignee(key("pm-0", "item-1"), "5b10ac8d82e05b22cc7d4ef5");
    SyncResult r = engine().sync();
    assertThat(r.pulled()).hasSize(3);
    assertThat(item("pm-0", "item-0").status()).isEqualTo(ItemStatus.WONT_DO);
    assertThat(item("pm-0", "item-2").status()).isEqualTo(ItemStatus.IN_PROGRESS);
    assertThat(item("pm-0", "item-1").owner()).isEqualTo("erin");
    assertThat(engine().plan().actions()).isEmpty();
  }

  @Test
  void anOwnerJiraCannotAssignNeverClearsAnAssigneeSetInJira() {
    fill(1, 1, "dana");
    engine().sync();
    assertThat(engine().plan().actions()).isEmpty();
    fixture.jira.setAssignee(key("pm-0", "item-0"), "6c20bd9e93f16c33dd8e5f06");
    engine().sync();
    assertThat(item("pm-0", "item-0").owner()).isEqualTo("sam@example.com");
    assertThat(fixture.jira.issues().get(0).path("fields").path("assignee").path("accountId").asText())
        .isEqualTo("6c20bd9e93f16c33dd8e5f06");
  }

  @Test
  void aCreateWhoseAnswerWasLostIsFoundAfterTheSearchLagNotDuplicated() {
    fill(1, 3);
    fixture.jira.loseNextCreate();
    SyncResult r = engine().sync();
    assertThat(r.failures()).hasSize(3).allSatisfy(f -> assertThat(f.reason()).contains("never sent again"));
    assertThat(fixture.requests("POST", "/issue/bulk")).hasSize(1);
    // The next run waits out the window (request timeout + search lag from the moment the client
    // gave up), then finds the issues by their keys.
    SyncResult next = engine().sync();
    assertThat(next.adopted()).hasSize(3);
    assertThat(next.created()).isEmpty();
    assertThat(fixture.jira.issues()).hasSize(3);
    assertThat(fixture.requests("POST", "/issue/bulk")).hasSize(1);
    assertThat(fixture.clock.sleeps()).contains(JiraFixture.LAG.plusMillis(3000));
  }

  @Test
  void doneAndWontDoItemsGetTicketsClosedWithTheRightResolutionInTheSameRun() {
    fill(1, 3);
    editStatus("item-0", ItemStatus.DONE);
    editStatus("item-1", ItemStatus.WONT_DO);
    SyncResult r = engine().sync();
    assertThat(r.failures()).isEmpty();
    assertThat(r.created()).hasSize(3);
    assertThat(resolution("item-0")).isEqualTo("Done");
    assertThat(resolution("item-1")).isEqualTo("Won't Do");
    fixture.clock.advance(JiraFixture.LAG);
    assertThat(engine().plan().actions()).isEmpty();
    assertThat(item("pm-0", "item-1").status()).isEqualTo(ItemStatus.WONT_DO);
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(value = TrackerFault.class, names = {"RATE_LIMITED", "FORBIDDEN"})
  void aRefusedCloseAfterACreateKeepsTheTicketAndIsRetriedByTheNextRunWithoutADuplicate(TrackerFault refusal) {
    fill(1, 4);
    for (String id : List.of("item-0", "item-1", "item-2", "item-3")) {
      editStatus(id, ItemStatus.DONE);
    }
    int attempts = refusal == TrackerFault.RATE_LIMITED ? RetryPolicy.standard().maxAttempts() : 1;
    for (int i = 0; i < 4 * attempts; i++) {
      fixture.jira.faults.aim(RequestKind.TRANSITION, refusal);
    }
    SyncResult first = engine().sync();
    assertThat(first.created()).hasSize(4);
    assertThat(first.failures()).hasSize(4);
    assertThat(store.find("pm-0").orElseThrow().postmortem().actionItems())
        .allSatisfy(i -> assertThat(i.tickets()).singleElement().satisfies(t -> assertThat(t.key()).isNotNull()));
    fixture.clock.advance(JiraFixture.LAG);
    SyncResult second = engine().sync();
    assertThat(second.created()).isEmpty();
    assertThat(second.failures()).isEmpty();
    assertThat(second.transitioned()).hasSize(4);
    assertThat(fixture.jira.issues()).hasSize(4)
        .allSatisfy(i -> assertThat(i.path("fields").path("resolution").path("name").asText()).isEqualTo("Done"));
  }

  @Test
  void aDeletedIssueIsReportedAndTheOthersSyncOnOneSearchPerRun() {
    fill(1, 3);
    engine().sync();
    fixture.clock.advance(JiraFixture.LAG);
    String gone = key("pm-0", "item-1");
    fixture.jira.delete(gone);
    editTitle("item-2", "Renamed");
    SyncResult r = engine().sync();
    assertThat(r.failures()).isEmpty();
    assertThat(r.deleted()).singleElement().satisfies(d -> assertThat(d.ticketKey()).isEqualTo(gone));
    assertThat(r.updated()).hasSize(1);
    fixture.clock.advance(JiraFixture.LAG);
    fixture.resetRequests();
    engine().sync();
    // Known as deleted: not asked for again, so the batched read of the others is one query.
    assertThat(fixture.requests("POST", "/search/jql")).hasSize(1);
    assertThat(fixture.requests("GET", "/issue/")).isEmpty();
  }

  @Test
  void aDeletedIssueInsideKeyInCostsOneMoreQueryNotOneReadPerKey() {
    fill(1, 6);
    engine().sync();
    fixture.clock.advance(JiraFixture.LAG);
    String gone = key("pm-0", "item-2");
    fixture.jira.delete(gone);
    fixture.resetRequests();
    SyncResult r = engine().sync();
    assertThat(r.deleted()).singleElement().satisfies(d -> assertThat(d.ticketKey()).isEqualTo(gone));
    // The query naming the deleted key is refused, sent again without it, and only that key is read
    // directly; then, once, the key is asked for alone (refused query, read) to tell a deletion from
    // a move of a ticket that carries none of the item's keys.
    assertThat(fixture.requests("POST", "/search/jql")).hasSize(3);
    assertThat(fixture.requests("GET", "/issue/")).hasSize(2);
  }

  @Test
  void anIssueMovedToAnotherProjectIsFollowedUnderItsNewKeyWithoutADuplicate() {
    fill(1, 3);
    engine().sync();
    fixture.clock.advance(JiraFixture.LAG);
    String old = key("pm-0", "item-1");
    fixture.jira.move(old, "NEW-3");
    SyncResult r = engine().sync();
    assertThat(r.deleted()).isEmpty();
    assertThat(r.failures()).isEmpty();
    assertThat(key("pm-0", "item-1")).isEqualTo("NEW-3");
    assertThat(item("pm-0", "item-1").history()).anySatisfy(h -> assertThat(h.to()).isEqualTo("NEW-3"));
    editTitle("item-1", "Renamed after the move");
    fixture.clock.advance(JiraFixture.LAG);
    engine().sync();
    assertThat(fixture.jira.issues()).hasSize(3);
    assertThat(fixture.jira.issues()).filteredOn(i -> i.path("key").asText().equals("NEW-3")).singleElement()
        .satisfies(i -> assertThat(i.path("fields").path("summary").asText()).isEqualTo("Renamed after the move"));
    fixture.clock.advance(JiraFixture.LAG);
    assertThat(engine().plan().actions()).isEmpty();
  }

  @Test
  void bulkElementsThatFailWithA5xxAfterTheirIssueWasWrittenAreLookedForNotCreatedAgain() {
    fill(1, 4);
    fixture.jira.failElementsAfterCreating(1, 3);
    SyncResult first = engine().sync();
    assertThat(first.created()).hasSize(2);
    assertThat(first.failures()).hasSize(2).allSatisfy(f -> assertThat(f.reason()).contains("never sent again"));
    fixture.clock.advance(Duration.ofSeconds(8));
    engine().sync();
    fixture.clock.advance(Duration.ofMinutes(3));
    engine().sync();
    engine().sync();
    assertThat(fixture.jira.issues()).as("one issue per item").hasSize(4);
  }

  @Test
  void aBulkCreateWhoseEveryElementFailedWithA5xxAfterWritingIsUncertainThoughJiraAnswers400() {
    // Bulk create answers 400 when no element was created (Jira REST docs), and each element
    // carries its own status: a 500 there says nothing of whether its issue was written.
    fill(1, 2);
    fixture.jira.failElementsAfterCreating(0, 1);
    SyncResult first = engine().sync();
    assertThat(first.created()).isEmpty();
    assertThat(first.failures()).hasSize(2).allSatisfy(f -> assertThat(f.reason()).contains("never sent again"));
    fixture.clock.advance(Duration.ofSeconds(8));
    engine().sync();
    fixture.clock.advance(Duration.ofMinutes(3));
    engine().sync();
    engine().sync();
    assertThat(fixture.jira.issues()).as("one issue per item").hasSize(2);
  }

  @Test
  void aSearchAnswerOlderThanTheLastChangeIsNotTakenForAChangeInJira() {
    fill(1, 2);
    engine().sync();
    fixture.clock.advance(JiraFixture.LAG.plusSeconds(1));
    editStatus("item-0", ItemStatus.DONE);
    assertThat(engine().sync().transitioned()).hasSize(1);
    // Within the index lag the search still shows the issue open, as it was before the close.
    assertThat(engine().plan().actions()).isEmpty();
    engine().sync();
    assertThat(item("pm-0", "item-0").status()).isEqualTo(ItemStatus.DONE);
    assertThat(resolution("item-0")).isEqualTo("Done");
  }

  @Test
  void ticketsFreshlyCreatedAreNotDeclaredDeletedWhileTheIndexLags() {
    fill(1, 3);
    engine().sync();
    SyncResult r = engine().sync();
    assertThat(r.deleted()).isEmpty();
    assertThat(r.failures()).isEmpty();
    assertThat(r.unchanged()).isEqualTo(3);
  }

  @Test
  void ticketsWithTheOldLongKeyAreAdoptedAndMovedToTheNewKey() {
    fill(1, 2);
    engine().sync();
    // A store that lost its links, beside tickets an older version labelled ft-<postmortem>-<item>.
    fixture.clock.advance(JiraFixture.LAG);
    for (String id : List.of("item-0", "item-1")) {
      fixture.jira.relabel(key("pm-0", id), TicketKeys.of("pm-0", id), TicketKeys.legacy("pm-0", id));
    }
    fixture.clock.advance(JiraFixture.LAG);
    ActionStore fresh = ActionStore.inMemory();
    store.findAll().forEach(sp -> fresh.insert(sp.postmortem().withActionItems(sp.postmortem().actionItems().stream()
        .map(i -> i.withTickets(List.of())).toList())));
    SyncResult r = SyncEngine.builder(fresh, tracker).clock(fixture.clock).sleeper(fixture.clock)
        .options(SyncOptions.defaults().withLabels(List.of("postmortem"))).build().sync();
    assertThat(r.adopted()).hasSize(2);
    assertThat(r.created()).isEmpty();
    assertThat(fixture.jira.issues()).hasSize(2).allSatisfy(i -> assertThat(i.path("fields").path("labels").toString())
        .doesNotContain("ft-pm-0-item"));
    assertThat(fixture.jira.issues().get(0).path("fields").path("labels").toString()).contains(TicketKeys.of("pm-0", "item-0"));
    assertThat(fixture.jira.issues().get(1).path("fields").path("labels").toString()).contains(TicketKeys.of("pm-0", "item-1"));
  }

  void editStatus(String itemId, ItemStatus status) {
    StoreEdits.edit(store, "pm-0", itemId, i -> i.withStatus(status));
  }

  void editTitle(String itemId, String title) {
    StoreEdits.edit(store, "pm-0", itemId, i -> i.withTitle(title));
  }

  String resolution(String itemId) {
    String k = key("pm-0", itemId);
    return fixture.jira.issues().stream().filter(i -> i.path("key").asText().equals(k)).findFirst().orElseThrow()
        .path("fields").path("resolution").path("name").asText();
  }

  @Test
  void aLocalEditIsPushedAndAClosedItemClosesItsIssue() {
    fill(1, 2);
    engine().sync();
    var stored = store.find("pm-0").orElseThrow();
    Postmortem changed = stored.postmortem().withItem(stored.postmortem().item("item-0").orElseThrow().withTitle("Renamed"))
        .withItem(stored.postmortem().item("item-1").orElseThrow().withStatus(ItemStatus.DONE));
    store.update(changed, stored.version());
    SyncResult r = engine().sync();
    assertThat(r.updated()).hasSize(1);
    assertThat(r.transitioned()).hasSize(1);
    assertThat(fixture.jira.issues()).anySatisfy(i -> assertThat(i.path("fields").path("summary").asText()).isEqualTo("Renamed"));
    assertThat(fixture.jira.issues().get(1).path("fields").path("status").path("name").asText()).isEqualTo("Done");
    assertThat(engine().plan().actions()).isEmpty();
  }

  @Test
  void dataCenterSyncsToo() {
    fixture.close();
    JiraFixture dc = new JiraFixture(false);
    try {
      tracker = dc.tracker().build();
      fill(1, 120, "evasquez");
      SyncResult r = SyncEngine.builder(store, tracker).clock(dc.clock).sleeper(dc.clock).build().sync();
      assertThat(r.created()).hasSize(120);
      assertThat(dc.requests("POST", "/issue/bulk")).hasSize(3);
      dc.jira.setStatus(dc.jira.issues().get(5).get("key").asText(), "done", "Done", "Done");
      assertThat(SyncEngine.builder(store, tracker).clock(dc.clock).sleeper(dc.clock).build().sync().pulled()).hasSize(1);
      assertThat(dc.requests("POST", "/search")).hasSizeGreaterThanOrEqualTo(2);
    } finally {
      dc.close();
    }
  }
}
