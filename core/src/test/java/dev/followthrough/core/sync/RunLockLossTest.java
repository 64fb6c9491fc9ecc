package dev.followthrough.core.sync;

import static dev.followthrough.core.sync.SyncFixtures.fill;
import static dev.followthrough.core.sync.SyncFixtures.item;
import static dev.followthrough.core.sync.SyncFixtures.link;
import static org.assertj.core.api.Assertions.assertThat;

import dev.followthrough.core.model.ItemStatus;
import dev.followthrough.core.model.Postmortem;
import dev.followthrough.core.model.Verification;
import dev.followthrough.core.store.ActionStore;
import dev.followthrough.core.store.RunLockLostException;
import dev.followthrough.core.store.StoredPostmortem;
import dev.followthrough.core.testing.DelegatingTracker;
import dev.followthrough.core.testing.TestClock;
import dev.followthrough.core.tracker.InMemoryTracker;
import dev.followthrough.core.tracker.InMemoryTracker.Call;
import dev.followthrough.core.tracker.TicketDraft;
import dev.followthrough.core.tracker.TicketState;
import dev.followthrough.core.tracker.TrackerFault;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A run lock lost mid-run (a database session that ended, say) is noticed before the next tracker
 * write, and the run stops there: nothing more is sent or stored, and what is left fails with the
 * reason. The loss is made at an exact request, never by timing.
 */
class RunLockLossTest {
  TestClock clock;
  ActionStore memory;
  LosableLockStore store;
  InMemoryTracker tracker;

  @BeforeEach
  void setUp() {
    clock = TestClock.at("2025-06-01T10:00:00Z");
    memory = ActionStore.inMemory();
    store = new LosableLockStore(memory);
    tracker = InMemoryTracker.builder().clock(clock).batchCreate(1).build();
  }

  SyncEngine engine(dev.followthrough.core.tracker.Tracker t, Sleeper sleeper) {
    return SyncEngine.builder(store, t).clock(clock).sleeper(sleeper).random(new Random(1)).build();
  }

  @Test
  void aLockLostRightAfterTheFirstCreateStopsTheRunBeforeTheNextWrite() {
    fill(memory, 1, 3);
    AtomicInteger creates = new AtomicInteger();
    DelegatingTracker losing = new DelegatingTracker(tracker) {
      @Override
      public List<CreateOutcome> createAll(List<TicketDraft> drafts) {
        List<CreateOutcome> outcomes = super.createAll(drafts);
        if (creates.incrementAndGet() == 1) {
          store.lost.set(true);
        }
        return outcomes;
      }
    };

    SyncResult result = engine(losing, clock).sync();

    assertThat(result.created()).extracting(ItemRef::itemId).containsExactly("item-0");
    assertThat(result.succeeded()).isFalse();
    assertThat(result.failures()).extracting(f -> f.item().itemId()).contains("item-1", "item-2");
    assertThat(result.failures()).allSatisfy(f -> assertThat(f.reason()).contains("the run lock of in-memory store was lost"));
    assertThat(tracker.calls(Call.CREATE)).as("no create after the loss").isEqualTo(1);
    assertThat(tracker.calls(Call.TRANSITION)).as("the done item's close is not sent either").isZero();
    assertThat(link(item(memory, "pm-0", "item-0"), "memory").isPending()).as("the created ticket's key was kept").isFalse();
    assertThat(item(memory, "pm-0", "item-1").tickets()).as("no intent stored without the lock").isEmpty();

    store.lost.set(false);
    SyncResult next = engine(tracker, clock).sync();
    assertThat(next.failures()).isEmpty();
    assertThat(next.created()).extracting(ItemRef::itemId).containsExactly("item-1", "item-2");
    assertThat(tracker.tickets()).hasSize(3);
  }

  @Test
  void aLockLostWhileWaitingToRetryAnUpdateSendsItNoMore() {
    fill(memory, 1, 2);
    engine(tracker, clock).sync();
    SyncFixtures.editItem(memory, "pm-0", i -> i.withTitle("Renamed"), "item-1");
    tracker.inject(Call.UPDATE, TrackerFault.RATE_LIMITED);
    tracker.resetCounts();
    // The lock goes while the run waits out the Retry-After.
    Sleeper losingWait = d -> {
      clock.sleep(d);
      store.lost.set(true);
    };

    SyncResult result = engine(tracker, losingWait).sync();

    assertThat(tracker.calls(Call.UPDATE)).as("the refused update only, not sent again").isEqualTo(1);
    assertThat(result.failures()).singleElement().satisfies(f -> assertThat(f.reason()).contains("was lost"));
    assertThat(tracker.tickets()).noneMatch(t -> t.title().equals("Renamed"));
  }

  @Test
  void aLockLostBeforeAClosingTransitionSendsNoTransition() {
    fill(memory, 1, 2);
    engine(tracker, clock).sync();
    SyncFixtures.editItem(memory, "pm-0", i -> i.withStatus(ItemStatus.DONE), "item-1");
    assertThat(engine(tracker, clock).plan().actions()).singleElement().isInstanceOf(PlannedAction.Transition.class);
    tracker.resetCounts();
    store.lost.set(true);

    SyncResult result = engine(tracker, clock).sync();

    assertThat(tracker.calls(Call.TRANSITION)).isZero();
    assertThat(result.failures()).singleElement().satisfies(f -> assertThat(f.reason()).contains("was lost"));
  }

  @Test
  void aLockLostBeforeTheRunWritesNothingAtAll() {
    fill(memory, 1, 2);
    store.lost.set(true);
    long before = memory.find("pm-0").orElseThrow().version();

    SyncResult result = engine(tracker, clock).sync();

    assertThat(tracker.writeCalls()).isZero();
    assertThat(result.failures()).hasSize(2);
    assertThat(memory.find("pm-0").orElseThrow().version()).as("no store write").isEqualTo(before);
  }

  @Test
  void aRunThatLostItsLockStoresNothingItPulledBefore() {
    fill(memory, 1, 3);
    engine(tracker, clock).sync();
    tracker.changeState(link(item(memory, "pm-0", "item-1"), "memory").key(), TicketState.IN_PROGRESS);
    SyncFixtures.editItem(memory, "pm-0", i -> i.withTitle("Renamed"), "item-2");
    long before = memory.find("pm-0").orElseThrow().version();
    store.lost.set(true);

    SyncResult result = engine(tracker, clock).sync();

    assertThat(result.failures()).extracting(f -> f.item().itemId()).containsExactly("item-2");
    assertThat(result.pulled()).as("not stored, so not reported").isEmpty();
    assertThat(memory.find("pm-0").orElseThrow().version()).as("no store write after the loss").isEqualTo(before);

    store.lost.set(false);
    SyncResult next = engine(tracker, clock).sync();
    assertThat(next.pulled()).extracting(ItemRef::itemId).containsExactly("item-1");
    assertThat(next.updated()).extracting(ItemRef::itemId).containsExactly("item-2");
    assertThat(item(memory, "pm-0", "item-1").status()).isEqualTo(ItemStatus.IN_PROGRESS);
  }

  @Test
  void aRunThatLostItsLockPostsNoVerificationRequest() {
    fill(memory, 1, 1);
    engine(tracker, clock).sync();
    SyncFixtures.editItem(memory, "pm-0", i -> i.withVerification(Verification.pending(LocalDate.of(2025, 6, 1), null)),
        "item-0");
    store.lost.set(true);

    SyncResult result = engine(tracker, clock).sync();

    assertThat(tracker.calls(Call.COMMENT)).isZero();
    assertThat(result.failures()).singleElement().satisfies(f -> assertThat(f.reason()).contains("was lost"));
    store.lost.set(false);
    assertThat(engine(tracker, clock).sync().verificationReminders()).hasSize(1);
  }

  /** The in-memory store, with a run lock that the test can make lost. */
  static final class LosableLockStore implements ActionStore {
    final ActionStore delegate;
    final AtomicBoolean lost = new AtomicBoolean();

    LosableLockStore(ActionStore delegate) {
      this.delegate = delegate;
    }

    @Override public Optional<StoredPostmortem> find(String id) { return delegate.find(id); }
    @Override public List<StoredPostmortem> findAll() { return delegate.findAll(); }
    @Override public StoredPostmortem insert(Postmortem p) { return delegate.insert(p); }
    @Override public StoredPostmortem update(Postmortem p, long v) { return delegate.update(p, v); }
    @Override public String describe() { return delegate.describe(); }

    @Override
    public Optional<RunLock> tryLockRun() {
      return delegate.tryLockRun().map(held -> new RunLock() {
        @Override
        public void checkHeld() {
          if (lost.get()) {
            throw new RunLockLostException("the run lock of " + describe() + " was lost");
          }
        }

        @Override
        public void close() {
          held.close();
        }
      });
    }
  }
}
