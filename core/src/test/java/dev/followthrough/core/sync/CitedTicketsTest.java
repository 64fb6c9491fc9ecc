package dev.followthrough.core.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.followthrough.core.model.TicketLink;
import dev.followthrough.core.store.ActionStore;
import dev.followthrough.core.testing.TestClock;
import dev.followthrough.core.tracker.InMemoryTracker;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A ticket key the document cites, which the tracker does not have, is a reference: checked once, said once, never "deleted". */
class CitedTicketsTest {
  TestClock clock;
  ActionStore store;
  InMemoryTracker tracker;

  @BeforeEach
  void setUp() {
    clock = TestClock.at("2025-06-01T10:00:00Z");
    store = ActionStore.inMemory();
    tracker = InMemoryTracker.builder().clock(clock).build();
    SyncFixtures.fill(store, 1, 2);
    // As the importer links a cited key: no sync has seen it, and no history names it.
    SyncFixtures.editItem(store, "pm-0", i -> i.withTickets(List.of(TicketLink.of("memory", "OPS-412", null))), "item-1");
  }

  SyncEngine engine() {
    return SyncEngine.builder(store, tracker).clock(clock).sleeper(clock).build();
  }

  @Test
  void aCitedTicketTheTrackerDoesNotHaveIsReportedOnceAndTheItemGetsItsOwnTicket() {
    SyncPlan plan = engine().plan();
    assertThat(plan.describe()).contains("missing  pm-0/item-1: referenced ticket OPS-412 not found")
        .doesNotContain("deleted");
    SyncResult first = engine().sync();
    assertThat(first.deleted()).isEmpty();
    assertThat(first.created()).extracting(ItemRef::itemId).contains("item-1");
    var item = SyncFixtures.item(store, "pm-0", "item-1");
    TicketLink own = SyncFixtures.link(item, "memory");
    assertThat(own.state()).isEqualTo(TicketLink.State.LINKED);
    assertThat(own.key()).isNotEqualTo("OPS-412");
    assertThat(item.history()).filteredOn(h -> "referenced ticket not found".equals(h.actor()))
        .singleElement().satisfies(h -> assertThat(h.from()).isEqualTo("OPS-412"));

    // Checked once: later runs neither ask for it nor name it again.
    tracker.resetCounts();
    SyncResult again = engine().sync();
    assertThat(again.deleted()).isEmpty();
    assertThat(engine().plan().describe()).doesNotContain("OPS-412");
    assertThat(SyncFixtures.item(store, "pm-0", "item-1").history())
        .filteredOn(h -> "referenced ticket not found".equals(h.actor())).hasSize(1);
    assertThat(tracker.tickets()).hasSize(2);
  }

  @Test
  void aCitationSeveralModulesReadIsFoundByTheSyncedTrackerAndDroppedWholeWhenMissing() {
    // The importer keeps each module's reading of the cell: here another module's comes first.
    SyncFixtures.editItem(store, "pm-0", i -> i.withTickets(List.of(TicketLink.of("other", "OPS-412", null),
        TicketLink.of("memory", "OPS-412", null))), "item-1");
    assertThat(engine().plan().describe()).contains("referenced ticket OPS-412 not found").doesNotContain("deleted");
    assertThat(engine().sync().deleted()).isEmpty();
    var item = SyncFixtures.item(store, "pm-0", "item-1");
    assertThat(item.tickets()).singleElement().satisfies(t -> {
      assertThat(t.tracker()).isEqualTo("memory");
      assertThat(t.key()).isNotEqualTo("OPS-412");
    });
    assertThat(engine().plan().describe()).doesNotContain("OPS-412");
  }

  @Test
  void aTicketThisToolMadeAndTheTrackerDeletedIsStillADeletedTicket() {
    SyncFixtures.editItem(store, "pm-0", i -> i.withTickets(List.of()), "item-1");
    engine().sync();
    String made = SyncFixtures.link(SyncFixtures.item(store, "pm-0", "item-1"), "memory").key();
    tracker.delete(made);
    assertThat(engine().sync().deleted()).singleElement().satisfies(d -> assertThat(d.ticketKey()).isEqualTo(made));
  }
}
