package dev.followthrough.core.sync;

import static dev.followthrough.core.sync.SyncFixtures.fill;
import static dev.followthrough.core.sync.SyncFixtures.item;
import static dev.followthrough.core.sync.SyncFixtures.link;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.followthrough.core.model.ItemStatus;
import dev.followthrough.core.store.ActionStore;
import dev.followthrough.core.store.StoreException;
import dev.followthrough.core.store.SyncState;
import dev.followthrough.core.testing.TestClock;
import dev.followthrough.core.tracker.InMemoryTracker;
import dev.followthrough.core.tracker.InMemoryTracker.Call;
import dev.followthrough.core.tracker.TicketState;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IncrementalSyncTest {
  static final Duration OVERLAP = Duration.ofMinutes(3);
  static final Duration LAG = Duration.ofSeconds(30);

  TestClock clock = TestClock.at("2025-06-01T10:00:00Z");
  FaultyStore store = new FaultyStore(ActionStore.inMemory());
  InMemoryTracker tracker = tracker(Duration.ZERO);
  SyncOptions options = SyncOptions.defaults();

  InMemoryTracker tracker(Duration skew) {
    return InMemoryTracker.builder().clock(clock).searchLag(LAG).changeFeed(OVERLAP, skew).build();
  }

  SyncEngine engine() {
    return SyncEngine.builder(store, tracker).clock(clock).sleeper(clock).options(options).random(new Random(1)).build();
  }

  int requests() {
    return Arrays.stream(Call.values()).mapToInt(tracker::calls).sum();
  }

  String ticketOf(String pm, String itemId) {
    return link(item(store, pm, itemId), "memory").key();
  }

  /** Syncs until the feed lists nothing more: the tickets the first syncs made are past the overlap. */
  void settle() {
    assertThat(engine().sync().mode()).as("no watermark yet").isEqualTo(SyncMode.FULL);
    for (int i = 0; i < 4; i++) {
      clock.advance(Duration.ofMinutes(2));
      engine().sync();
    }
    tracker.resetCounts();
  }

  @Test
  void anUnchangedResyncOfAThousandItemsSendsOneRequest() {
    fill(store, 10, 100);
    settle();
    for (int run = 0; run < 3; run++) {
      clock.advance(Duration.ofMinutes(5));
      SyncResult result = engine().sync();
      assertThat(result.mode()).isEqualTo(SyncMode.INCREMENTAL);
      assertThat(result.unchanged()).isEqualTo(1000);
    }
    assertThat(requests()).as("one change-list read per run, nothing else").isEqualTo(3);
    assertThat(tracker.calls(Call.CHANGES)).isEqualTo(3);
  }

  @Test
  void aTicketClosedInTheTrackerIsPulledByTheNextIncrementalSync() {
    fill(store, 2, 5);
    settle();
    tracker.changeState(ticketOf("pm-1", "item-3"), TicketState.DONE);
    clock.advance(LAG);
    SyncResult result = engine().sync();
    assertThat(result.mode()).isEqualTo(SyncMode.INCREMENTAL);
    assertThat(result.pulled()).extracting(ItemRef::toString).containsExactly("pm-1/item-3");
    assertThat(item(store, "pm-1", "item-3").status()).isEqualTo(ItemStatus.DONE);
    assertThat(tracker.calls(Call.FETCH)).isZero();
  }

  @Test
  void aLocalChangeIsPushedReadingOnlyItsTicket() {
    fill(store, 2, 5);
    settle();
    SyncFixtures.editItem(store, "pm-0", i -> i.withTitle("A clearer title"), "item-2");
    SyncResult result = engine().sync();
    assertThat(result.mode()).isEqualTo(SyncMode.INCREMENTAL);
    assertThat(result.updated()).extracting(ItemRef::toString).containsExactly("pm-0/item-2");
    assertThat(tracker.calls(Call.FETCH)).isEqualTo(1);
    assertThat(tracker.tickets().stream().filter(t -> t.title().equals("A clearer title"))).hasSize(1);
  }

  /**
   * People close, reopen and reassign tickets at random moments, some just before a sync, while the
   * tracker's index shows every other write 30 s late and its clock is off by the skew; every sync
   * is incremental. Each change must reach the store.
   */
  @ParameterizedTest
  @ValueSource(ints = {-90, 0, 90})
  void aChangeInsideTheOverlapIsNeverMissed(int skewSeconds) {
    tracker = tracker(Duration.ofSeconds(skewSeconds));
    options = options.withFullEvery(Duration.ofDays(365));
    fill(store, 4, 10);
    settle();
    Random random = new Random(skewSeconds + 1000);
    TicketState[] states = {TicketState.OPEN, TicketState.DONE, TicketState.WONT_DO};
    for (int round = 0; round < 60; round++) {
      int changes = random.nextInt(3);
      for (int c = 0; c < changes; c++) {
        String key = ticketOf("pm-" + random.nextInt(4), "item-" + (1 + random.nextInt(9)));
        if (random.nextBoolean()) {
          tracker.changeState(key, states[random.nextInt(states.length)]);
        } else {
          tracker.changeAssignee(key, "person" + random.nextInt(5));
        }
        clock.advance(Duration.ofSeconds(random.nextInt(5)));
      }
      clock.advance(Duration.ofSeconds(random.nextInt(40)));
      assertThat(engine().sync().mode()).isEqualTo(SyncMode.INCREMENTAL);
    }
    clock.advance(LAG);
    engine().sync();
    for (var ticket : tracker.tickets()) {
      var stored = store.findAll().stream().flatMap(s -> s.postmortem().actionItems().stream())
          .filter(i -> ticket.key().equals(link(i, "memory").key())).findFirst().orElseThrow();
      assertThat(stored.owner()).as(ticket.key() + " assignee").isEqualTo(ticket.assignee());
      assertThat(TicketState.of(stored.status())).as(ticket.key() + " state").isEqualTo(ticket.state());
    }
  }

  @Test
  void aFullReconciliationRunsWhenFullEveryHasPassedAndWhenAsked() {
    options = options.withFullEvery(Duration.ofHours(24));
    fill(store, 1, 3);
    settle();
    String gone = ticketOf("pm-0", "item-2");
    tracker.delete(gone);
    clock.advance(Duration.ofHours(1));
    assertThat(engine().sync().deleted()).as("an incremental read cannot see a deletion").isEmpty();
    assertThat(engine().syncFull().mode()).isEqualTo(SyncMode.FULL);
    assertThat(link(item(store, "pm-0", "item-2"), "memory").isDeleted()).isTrue();
    clock.advance(Duration.ofHours(24));
    assertThat(engine().sync().mode()).as("a day after the last full one").isEqualTo(SyncMode.FULL);
    clock.advance(Duration.ofHours(1));
    assertThat(engine().sync().mode()).isEqualTo(SyncMode.INCREMENTAL);
  }

  @Test
  void aWatermarkFurtherAheadOfTheClockThanTheOverlapIsNotTrusted() {
    fill(store, 1, 3);
    settle();
    store.saveSyncState("memory:memory", new SyncState(clock.instant().plus(Duration.ofHours(2)), clock.instant()));
    assertThat(engine().sync().mode()).isEqualTo(SyncMode.FULL);
  }

  /**
   * The store fails as the run writes what it pulled (a crash at that point): the next sync must
   * still pull both changes, also the one older than the other by more than the overlap.
   */
  @Test
  void aCrashBetweenTheReadAndStoringThePullsLosesNoChange() {
    fill(store, 1, 4);
    settle();
    tracker.changeState(ticketOf("pm-0", "item-1"), TicketState.DONE);
    clock.advance(Duration.ofMinutes(30));
    tracker.changeState(ticketOf("pm-0", "item-2"), TicketState.WONT_DO);
    clock.advance(LAG);
    store.failWrites = true;
    assertThatThrownBy(() -> engine().sync()).isInstanceOf(StoreException.class);
    store.failWrites = false;
    clock.advance(Duration.ofMinutes(10));
    SyncResult next = engine().sync();
    assertThat(next.mode()).isEqualTo(SyncMode.INCREMENTAL);
    assertThat(item(store, "pm-0", "item-1").status()).isEqualTo(ItemStatus.DONE);
    assertThat(item(store, "pm-0", "item-2").status()).isEqualTo(ItemStatus.WONT_DO);
  }

  /** A store whose postmortem writes fail while {@link #failWrites} is set. */
  static final class FaultyStore implements ActionStore {
    private final ActionStore inner;
    volatile boolean failWrites;

    FaultyStore(ActionStore inner) {
      this.inner = inner;
    }

    @Override
    public java.util.Optional<dev.followthrough.core.store.StoredPostmortem> find(String id) {
      return inner.find(id);
    }

    @Override
    public java.util.List<dev.followthrough.core.store.StoredPostmortem> findAll() {
      return inner.findAll();
    }

    @Override
    public dev.followthrough.core.store.StoredPostmortem insert(dev.followthrough.core.model.Postmortem p) {
      return inner.insert(p);
    }

    @Override
    public dev.followthrough.core.store.StoredPostmortem update(dev.followthrough.core.model.Postmortem p, long version) {
      if (failWrites) {
        throw new StoreException("the disk went away");
      }
      return inner.update(p, version);
    }

    @Override
    public java.util.Optional<SyncState> syncState(String scope) {
      return inner.syncState(scope);
    }

    @Override
    public void saveSyncState(String scope, SyncState state) {
      inner.saveSyncState(scope, state);
    }

    @Override
    public java.util.Optional<RunLock> tryLockRun() {
      return inner.tryLockRun();
    }

    @Override
    public String describe() {
      return "faulty " + inner.describe();
    }
  }
}
