package dev.followthrough.core.sync;

import static dev.followthrough.core.sync.SyncFixtures.fill;
import static dev.followthrough.core.sync.SyncFixtures.items;
import static dev.followthrough.core.sync.SyncFixtures.link;
import static org.assertj.core.api.Assertions.assertThat;

import dev.followthrough.core.model.ActionItem;
import dev.followthrough.core.model.TicketKeys;
import dev.followthrough.core.model.TicketLink;
import dev.followthrough.core.store.ActionStore;
import dev.followthrough.core.testing.TestClock;
import dev.followthrough.core.tracker.InMemoryTracker;
import dev.followthrough.core.tracker.InMemoryTracker.Call;
import dev.followthrough.core.tracker.Capabilities;
import dev.followthrough.core.tracker.TicketDraft;
import dev.followthrough.core.tracker.TicketField;
import dev.followthrough.core.tracker.TicketSnapshot;
import dev.followthrough.core.tracker.TicketState;
import dev.followthrough.core.tracker.Tracker;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Set;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Tickets that changed their key in the tracker, and tickets that carry a key of an older version. */
class MovedAndFormerKeysTest {
  TestClock clock;
  ActionStore store;
  InMemoryTracker tracker;

  @BeforeEach
  void setUp() {
    clock = TestClock.at("2025-06-01T10:00:00Z");
    store = ActionStore.inMemory();
    tracker = InMemoryTracker.builder().clock(clock).build();
  }

  SyncEngine engine() {
    return SyncEngine.builder(store, tracker).clock(clock).sleeper(clock).random(new Random(1)).build();
  }

  ActionItem item(String id) {
    return items(store).stream().filter(i -> i.id().equals(id)).findFirst().orElseThrow();
  }

  @Test
  void aTicketMovedToAnotherProjectIsFollowedUnderItsNewKeyNeverMarkedDeleted() {
    fill(store, 1, 3);
    engine().sync();
    String oldKey = link(item("item-1"), "memory").key();
    TicketSnapshot moved = tracker.move(oldKey);

    SyncPlan plan = engine().plan();
    assertThat(plan.deleted()).isEmpty();
    assertThat(plan.actions()).singleElement().isInstanceOf(PlannedAction.Moved.class);
    SyncResult r = engine().sync();
    assertThat(r.deleted()).isEmpty();
    assertThat(r.failures()).isEmpty();
    assertThat(link(item("item-1"), "memory").key()).isEqualTo(moved.key());
    assertThat(item("item-1").history()).anySatisfy(h -> {
      assertThat(h.from()).isEqualTo(oldKey);
      assertThat(h.to()).isEqualTo(moved.key());
    });

    // Later changes go to the ticket under its new key; nothing is created again.
    SyncFixtures.editItem(store, "pm-0", i -> i.withTitle("Renamed after the move"), "item-1");
    engine().sync();
    assertThat(tracker.tickets()).hasSize(3);
    assertThat(tracker.tickets()).filteredOn(t -> t.key().equals(moved.key()))
        .singleElement().satisfies(t -> assertThat(t.title()).isEqualTo("Renamed after the move"));
    assertThat(engine().plan().actions()).isEmpty();
  }

  @Test
  void aTicketWithTheKeyOfAnOlderVersionIsAdoptedAndMovedToTheCurrentKeyWithoutACreate() {
    fill(store, 1, 2);
    String legacy = TicketKeys.legacy("pm-0", "item-1");
    tracker.createAll(List.of(new TicketDraft(legacy, "Item 1 of incident 0", null, null, null, null, List.of(), null,
        TicketState.OPEN)));
    tracker.resetCounts();
    SyncResult r = engine().sync();
    assertThat(r.adopted()).hasSize(1);
    assertThat(r.created()).hasSize(1);
    assertThat(tracker.calls(Call.CREATE)).isEqualTo(1);
    assertThat(tracker.tickets()).hasSize(2);
    assertThat(tracker.tickets()).filteredOn(t -> t.labels().contains(TicketKeys.of("pm-0", "item-1"))).hasSize(1);
    assertThat(engine().plan().actions()).isEmpty();
  }

  /**
   * A document may name a ticket a person made, which carries none of this item's keys until a
   * sync has labelled it; that ticket may be moved to another project before the first sync (a
   * triage moved it, say). The tracker still answers its old key, under the new one: the item must
   * follow it, not show it as deleted (the advice to unlink would then make a second ticket).
   */
  @Test
  void aTicketNamedInTheDocumentAndMovedBeforeTheFirstSyncIsFollowedNotMarkedDeleted() {
    fill(store, 1, 2);
    String existing = tracker.createAll(List.of(new TicketDraft("ft-made-by-a-person", "Existing ticket", null, null, null,
        null, List.of(), null, TicketState.OPEN))).get(0).ticket().key();
    SyncFixtures.editItem(store, "pm-0", i -> i.withTickets(List.of(TicketLink.of("memory", existing, null))), "item-1");
    TicketSnapshot moved = tracker.move(existing);
    // The tracker still answers the old key, with the ticket under its new key.
    assertThat(tracker.fetch(List.of(existing))).extracting(TicketSnapshot::key).containsExactly(moved.key());

    SyncPlan plan = engine().plan();
    assertThat(plan.deleted()).isEmpty();
    assertThat(plan.actions()).noneMatch(a -> a instanceof PlannedAction.MarkDeleted);
    SyncResult r = engine().sync();
    assertThat(r.deleted()).isEmpty();
    assertThat(link(item("item-1"), "memory").state()).isEqualTo(TicketLink.State.LINKED);
    assertThat(link(item("item-1"), "memory").key()).isEqualTo(moved.key());
    // item-0 got a ticket of its own; item-1 keeps the person's, under its new key.
    assertThat(tracker.tickets()).hasSize(2);
    assertThat(engine().plan().actions()).isEmpty();
  }

  /**
   * The run that finds a move also sends the changes made since the last sync: they go to the
   * ticket's new key. Not every tracker takes writes under the old one (GitHub answers a
   * transferred issue's old address with 301, REST OpenAPI "update an issue"), so the plan must
   * not address them to the key it just replaced.
   */
  @Test
  void changesPlannedInTheRunThatFindsAMoveAreSentToTheNewKey() {
    fill(store, 1, 3);
    engine().sync();
    String oldKey = link(item("item-1"), "memory").key();
    TicketSnapshot moved = tracker.move(oldKey);
    SyncFixtures.editItem(store, "pm-0", i -> i.withTitle("Renamed while it moved").withStatus(
        dev.followthrough.core.model.ItemStatus.DONE), "item-1");

    List<String> written = new ArrayList<>();
    Tracker recording = new Tracker() {
      @Override
      public String type() {
        return tracker.type();
      }

      @Override
      public Capabilities capabilities() {
        return tracker.capabilities();
      }

      @Override
      public List<TicketSnapshot> findByKeys(Collection<String> idempotencyKeys) {
        return tracker.findByKeys(idempotencyKeys);
      }

      @Override
      public List<TicketSnapshot> fetch(Collection<String> ticketKeys) {
        return tracker.fetch(ticketKeys);
      }

      @Override
      public List<CreateOutcome> createAll(List<TicketDraft> drafts) {
        return tracker.createAll(drafts);
      }

      @Override
      public TicketSnapshot update(String ticketKey, TicketDraft draft, Set<TicketField> fields) {
        written.add(ticketKey);
        return tracker.update(ticketKey, draft, fields);
      }

      @Override
      public TicketSnapshot transition(String ticketKey, TicketState target) {
        written.add(ticketKey);
        return tracker.transition(ticketKey, target);
      }

      @Override
      public void comment(String ticketKey, String text) {
        written.add(ticketKey);
        tracker.comment(ticketKey, text);
      }
    };
    SyncResult r = SyncEngine.builder(store, recording).clock(clock).sleeper(clock).random(new Random(1)).build().sync();

    assertThat(r.failures()).isEmpty();
    assertThat(written).as("writes of the run that found the move").isNotEmpty().containsOnly(moved.key());
    assertThat(tracker.tickets()).filteredOn(t -> t.key().equals(moved.key())).singleElement()
        .satisfies(t -> assertThat(t.title()).isEqualTo("Renamed while it moved"))
        .satisfies(t -> assertThat(t.state()).isEqualTo(TicketState.DONE));
  }

  /**
   * A plan that marks a ticket deleted, applied after another run (the person unlinked the item and
   * synced, which made it a new ticket): the new, live ticket must not be marked deleted.
   */
  @Test
  void aStalePlanThatMarksATicketDeletedLeavesTheTicketAnotherRunLinkedSince() {
    fill(store, 1, 2);
    engine().sync();
    String gone = link(item("item-1"), "memory").key();
    tracker.delete(gone);
    SyncPlan stale = engine().plan();
    assertThat(stale.actions()).anyMatch(a -> a instanceof PlannedAction.MarkDeleted);
    SyncFixtures.editItem(store, "pm-0", i -> i.withTickets(List.of()), "item-1");
    engine().sync();
    String fresh = link(item("item-1"), "memory").key();
    assertThat(fresh).isNotEqualTo(gone);

    engine().apply(stale);
    assertThat(link(item("item-1"), "memory").state()).isEqualTo(TicketLink.State.LINKED);
    assertThat(link(item("item-1"), "memory").key()).isEqualTo(fresh);
  }

  /**
   * A plan that follows a move, applied after another run linked the item to another ticket (the
   * moved one was deleted, the item unlinked and given a new ticket): the item keeps the new one,
   * not the deleted ticket the plan saw.
   */
  @Test
  void aStalePlanThatFollowsAMoveLeavesTheTicketAnotherRunLinkedSince() {
    fill(store, 1, 2);
    engine().sync();
    TicketSnapshot moved = tracker.move(link(item("item-1"), "memory").key());
    SyncPlan stale = engine().plan();
    assertThat(stale.actions()).anyMatch(a -> a instanceof PlannedAction.Moved);
    engine().sync();
    tracker.delete(moved.key());
    engine().sync();
    SyncFixtures.editItem(store, "pm-0", i -> i.withTickets(List.of()), "item-1");
    engine().sync();
    String fresh = link(item("item-1"), "memory").key();
    assertThat(fresh).isNotEqualTo(moved.key());

    engine().apply(stale);
    assertThat(link(item("item-1"), "memory").key()).isEqualTo(fresh);
    assertThat(engine().plan().deleted()).isEmpty();
  }
}
