package dev.followthrough.github;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.followthrough.core.model.ActionItem;
import dev.followthrough.core.model.ItemStatus;
import dev.followthrough.core.model.Postmortem;
import dev.followthrough.core.store.ActionStore;
import dev.followthrough.core.sync.SyncEngine;
import dev.followthrough.core.sync.SyncOptions;
import dev.followthrough.core.sync.SyncResult;
import dev.followthrough.core.testing.StoreEdits;
import dev.followthrough.core.tracker.TrackerException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Issues transferred to another repository, milestones deleted under a long-running schedule, and tokens without push access. */
class GitHubMovesAndMilestonesTest {
  final GitHubFixture fixture = new GitHubFixture();
  final ActionStore store = ActionStore.inMemory();
  final GitHubTracker tracker = fixture.tracker().createInterval(Duration.ZERO).build();

  @AfterEach
  void stop() {
    fixture.close();
  }

  SyncEngine engine(ActionStore on) {
    return SyncEngine.builder(on, tracker).clock(fixture.clock).sleeper(fixture.clock)
        .options(SyncOptions.defaults().withLabels(List.of("postmortem"))).build();
  }

  void fill(int items) {
    List<ActionItem> list = new ArrayList<>();
    for (int i = 0; i < items; i++) {
      list.add(ActionItem.open("item-" + i, "Item " + i).withDueDate(LocalDate.of(2025, 7, 1))
          .withStatus(i == 0 ? ItemStatus.DONE : ItemStatus.OPEN));
    }
    store.insert(new Postmortem("pm-0", "Incident 0", null, null, null, null, list, null, null));
  }

  String key(String id) {
    return store.find("pm-0").orElseThrow().postmortem().item(id).orElseThrow().tickets().get(0).key();
  }

  /**
   * An issue a document names, carrying none of the item's keys (made by a person), transferred
   * before the first sync: GitHub answers its old number with 301 to the new repository (REST
   * OpenAPI, get an issue). It is the item's ticket still, never a deleted one.
   */
  @Test
  void anIssueNamedInTheDocumentAndTransferredBeforeTheFirstSyncIsFollowedNotMarkedDeleted() {
    fill(2);
    String number = tracker.createAll(List.of(new dev.followthrough.core.tracker.TicketDraft("ft-made-by-a-person",
        "Existing issue", null, null, null, null, List.of(), null, dev.followthrough.core.tracker.TicketState.OPEN)))
        .get(0).ticket().key();
    StoreEdits.edit(store, "pm-0", "item-1", i -> i.withTickets(List.of(
        dev.followthrough.core.model.TicketLink.of("github", number, null))));
    int moved = fixture.github.transfer(Integer.parseInt(number), "ops-archive");

    SyncResult r = engine(store).sync();
    assertThat(r.deleted()).isEmpty();
    assertThat(key("item-1")).isEqualTo("acme/ops-archive#" + moved);
    assertThat(store.find("pm-0").orElseThrow().postmortem().item("item-1").orElseThrow().tickets().get(0).state())
        .isEqualTo(dev.followthrough.core.model.TicketLink.State.LINKED);
  }

  @Test
  void anIssueTransferredToAnotherRepositoryIsFollowedThereNeverMarkedDeleted() {
    fill(3);
    engine(store).sync();
    int moved = fixture.github.transfer(Integer.parseInt(key("item-1")), "ops-archive");
    SyncResult r = engine(store).sync();
    assertThat(r.deleted()).isEmpty();
    assertThat(r.failures()).isEmpty();
    assertThat(key("item-1")).isEqualTo("acme/ops-archive#" + moved);

    StoreEdits.edit(store, "pm-0", "item-1", i -> i.withTitle("Renamed after the transfer"));
    engine(store).sync();
    assertThat(fixture.github.issues()).hasSize(2);
    assertThat(fixture.github.transferredIssues()).singleElement()
        .satisfies(i -> assertThat(i.path("title").asText()).isEqualTo("Renamed after the transfer"));
    assertThat(fixture.requests("POST", "/repos/acme/ops/issues").stream()
        .filter(e -> e.getRequest().getUrl().equals("/repos/acme/ops/issues"))).hasSize(3);
    engine(store).sync();
    assertThat(engine(store).plan().actions()).isEmpty();
  }

  @Test
  void aMilestoneDeletedWhileTheTrackerHadItCachedIsReadAgainAndTheCreateSucceeds() {
    fill(2);
    engine(store).sync();
    fixture.github.deleteMilestone("Due 2025-07-01");
    var stored = store.find("pm-0").orElseThrow();
    List<ActionItem> items = new ArrayList<>(stored.postmortem().actionItems());
    items.add(ActionItem.open("late", "Added later").withDueDate(LocalDate.of(2025, 7, 1)));
    store.update(stored.postmortem().withActionItems(items), stored.version());
    SyncResult r = engine(store).sync();
    assertThat(r.failures()).isEmpty();
    assertThat(r.created()).hasSize(1);
    assertThat(fixture.github.issues()).hasSize(3);
    assertThat(fixture.github.milestones()).filteredOn(m -> m.path("title").asText().equals("Due 2025-07-01")).hasSize(1);
  }

  @Test
  void aTokenWithoutPushAccessIsRefusedAtStartNamingTheCauseAndNothingIsCreated() {
    fill(2);
    fixture.github.pushAccess(false);
    assertThatThrownBy(() -> engine(store).sync()).isInstanceOf(TrackerException.class)
        .hasMessageContaining("no push access").hasMessageContaining("acme/ops");
    assertThat(fixture.github.issues()).isEmpty();
  }

  @Test
  void closedIssuesAreFoundByTheirKeySoAStoreThatLostItsLinksCreatesNothing() {
    fill(3);
    engine(store).sync();
    assertThat(fixture.github.issues()).filteredOn(i -> i.path("state").asText().equals("closed")).hasSize(1);
    ActionStore lostLinks = ActionStore.inMemory();
    store.findAll().forEach(sp -> lostLinks.insert(sp.postmortem().withActionItems(sp.postmortem().actionItems().stream()
        .map(i -> i.withTickets(List.of())).toList())));
    SyncResult r = engine(lostLinks).sync();
    assertThat(r.adopted()).hasSize(3);
    assertThat(r.created()).isEmpty();
    assertThat(fixture.github.issues()).hasSize(3);
  }
}
