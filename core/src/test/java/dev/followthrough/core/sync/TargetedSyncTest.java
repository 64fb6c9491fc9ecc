package dev.followthrough.core.sync;

import static dev.followthrough.core.sync.SyncFixtures.fill;
import static dev.followthrough.core.sync.SyncFixtures.item;
import static dev.followthrough.core.sync.SyncFixtures.link;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.followthrough.core.model.ItemStatus;
import dev.followthrough.core.store.ActionStore;
import dev.followthrough.core.testing.TestClock;
import dev.followthrough.core.tracker.InMemoryTracker;
import dev.followthrough.core.tracker.InMemoryTracker.Call;
import dev.followthrough.core.tracker.TicketState;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TargetedSyncTest {
  TestClock clock;
  ActionStore store;
  InMemoryTracker tracker;

  @BeforeEach
  void setUp() {
    clock = TestClock.at("2025-06-01T10:00:00Z");
    store = ActionStore.inMemory();
    tracker = InMemoryTracker.builder().clock(clock).build();
    fill(store, 2, 3);
    engine().sync();
    tracker.resetCounts();
  }

  SyncEngine engine() {
    return SyncEngine.builder(store, tracker).clock(clock).sleeper(clock).random(new Random(1)).build();
  }

  String ticketOf(String pm, String itemId) {
    return link(item(store, pm, itemId), "memory").key();
  }

  @Test
  void readsOnlyTheNamedTicketsAndPullsTheirStatus() {
    String named = ticketOf("pm-0", "item-1");
    String other = ticketOf("pm-1", "item-1");
    tracker.changeState(named, TicketState.DONE);
    tracker.changeState(other, TicketState.DONE);

    SyncResult result = engine().syncTickets(List.of(named, "NOT-LINKED-9"));

    assertThat(result.mode()).isEqualTo(SyncMode.TARGETED);
    assertThat(result.pulled()).extracting(ItemRef::toString).containsExactly("pm-0/item-1");
    assertThat(item(store, "pm-0", "item-1").status()).isEqualTo(ItemStatus.DONE);
    assertThat(item(store, "pm-1", "item-1").status()).as("not named: left for the next sync").isEqualTo(ItemStatus.OPEN);
    assertThat(tracker.calls(Call.FETCH)).isEqualTo(1);
    assertThat(tracker.calls(Call.FIND_BY_KEYS)).isZero();
  }

  @Test
  void createsNothingForNewItems() {
    store.insert(new dev.followthrough.core.model.Postmortem("pm-new", "New", null, null, null, null,
        List.of(dev.followthrough.core.model.ActionItem.open("a", "A new item")), null, null));
    SyncResult result = engine().syncTickets(List.of(ticketOf("pm-0", "item-1")));
    assertThat(result.created()).isEmpty();
    assertThat(tracker.calls(Call.CREATE)).isZero();
  }

  @Test
  void waitsForNoOtherRunAndIsRefusedWhileOneHoldsTheLock() {
    try (ActionStore.RunLock held = store.tryLockRun().orElseThrow()) {
      assertThatThrownBy(() -> engine().syncTickets(List.of(ticketOf("pm-0", "item-1"))))
          .isInstanceOf(SyncInProgressException.class);
    }
    assertThat(tracker.calls(Call.FETCH)).isZero();
  }
}
