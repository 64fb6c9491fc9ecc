package dev.followthrough.core.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.followthrough.core.model.ActionItem;
import dev.followthrough.core.model.ItemStatus;
import dev.followthrough.core.model.Postmortem;
import dev.followthrough.core.model.TicketKeys;
import dev.followthrough.core.store.ActionStore;
import dev.followthrough.core.store.StoredPostmortem;
import dev.followthrough.core.testing.TestClock;
import dev.followthrough.core.tracker.Capabilities;
import dev.followthrough.core.tracker.InMemoryTracker;
import dev.followthrough.core.tracker.TicketDraft;
import dev.followthrough.core.tracker.TicketField;
import dev.followthrough.core.tracker.TicketSnapshot;
import dev.followthrough.core.tracker.TicketState;
import dev.followthrough.core.tracker.Tracker;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a sync at every point that matters (before and after each store write, before each
 * tracker call, after each single ticket a batch create makes) and checks that a restarted sync
 * ends with exactly one ticket per item and no lost update.
 */
class CrashPointTest {
  @TempDir Path dir;

  /** Stands for the process dying: nothing catches it. */
  static final class Killed extends Error {
    private static final long serialVersionUID = 1L;
  }

  /** Counts points and kills the run at the chosen one. */
  static final class Killer {
    final int killAt;
    int point;

    Killer(int killAt) {
      this.killAt = killAt;
    }

    void point() {
      if (++point == killAt) {
        throw new Killed();
      }
    }
  }

  static final class KillingStore implements ActionStore {
    final ActionStore delegate;
    final Killer killer;

    KillingStore(ActionStore delegate, Killer killer) {
      this.delegate = delegate;
      this.killer = killer;
    }

    @Override public Optional<StoredPostmortem> find(String id) { return delegate.find(id); }
    @Override public List<StoredPostmortem> findAll() { return delegate.findAll(); }
    @Override public StoredPostmortem insert(Postmortem p) { return delegate.insert(p); }
    @Override public Optional<RunLock> tryLockRun() { return delegate.tryLockRun(); }
    @Override public String describe() { return delegate.describe(); }

    @Override
    public StoredPostmortem update(Postmortem p, long expectedVersion) {
      killer.point();
      StoredPostmortem saved = delegate.update(p, expectedVersion);
      killer.point();
      return saved;
    }
  }

  static final class KillingTracker implements Tracker {
    final InMemoryTracker delegate;
    final Killer killer;

    KillingTracker(InMemoryTracker delegate, Killer killer) {
      this.delegate = delegate;
      this.killer = killer;
    }

    @Override public String type() { return delegate.type(); }
    @Override public Capabilities capabilities() { return delegate.capabilities(); }

    @Override
    public List<TicketSnapshot> findByKeys(Collection<String> keys) {
      killer.point();
      return delegate.findByKeys(keys);
    }

    @Override
    public List<TicketSnapshot> fetch(Collection<String> keys) {
      killer.point();
      return delegate.fetch(keys);
    }

    @Override
    public List<CreateOutcome> createAll(List<TicketDraft> drafts) {
      killer.point();
      List<CreateOutcome> outcomes = new ArrayList<>();
      for (TicketDraft d : drafts) {
        outcomes.addAll(delegate.createAll(List.of(d)));
        killer.point();
      }
      return outcomes;
    }

    @Override
    public TicketSnapshot update(String key, TicketDraft draft, Set<TicketField> fields) {
      killer.point();
      return delegate.update(key, draft, fields);
    }

    @Override
    public TicketSnapshot transition(String key, TicketState target) {
      killer.point();
      return delegate.transition(key, target);
    }

    @Override
    public void comment(String key, String text) {
      killer.point();
      delegate.comment(key, text);
    }
  }

  /**
   * With a lagging search the restarted run cannot see a ticket made just before the kill: only
   * the stored intent keeps it from creating a second one.
   */
  @ParameterizedTest(name = "search lag {0} s")
  @ValueSource(ints = {0, 30})
  void aRestartedSyncAfterAKillAtAnyPointEndsWithOneTicketPerItemAndNoLostUpdate(int lagSeconds) {
    int killPoints = 0;
    int killsAfterACreate = 0;
    for (int killAt = 1; ; killAt++) {
      TestClock clock = TestClock.at("2025-06-01T10:00:00Z");
      Path storeDir = dir.resolve("lag-" + lagSeconds + "-store-" + killAt);
      ActionStore store = ActionStore.directory(storeDir, Duration.ofSeconds(5), clock);
      SyncFixtures.fill(store, 2, 4);
      InMemoryTracker tracker = InMemoryTracker.builder().clock(clock).batchCreate(3)
          .searchLag(Duration.ofSeconds(lagSeconds)).createSettleTime(Duration.ofSeconds(lagSeconds)).build();
      SyncEngine first = SyncEngine.builder(new KillingStore(store, new Killer(Integer.MAX_VALUE)), tracker)
          .clock(clock).sleeper(clock).random(new Random(killAt)).build();
      first.sync();
      clock.advance(Duration.ofSeconds(2L * lagSeconds + 1));
      // Second phase: changes on both sides, so that updates, transitions and pulls can be killed too.
      SyncFixtures.editItem(store, "pm-0", i -> i.withTitle("Renamed"), "item-1");
      SyncFixtures.editItem(store, "pm-1", i -> i.withStatus(ItemStatus.DONE), "item-2");
      String pulledKey = SyncFixtures.link(SyncFixtures.item(store, "pm-0", "item-3"), "memory").key();
      tracker.changeState(pulledKey, TicketState.IN_PROGRESS);
      // New items that still need tickets.
      var stored = store.find("pm-1").orElseThrow();
      List<ActionItem> more = new ArrayList<>(stored.postmortem().actionItems());
      for (int i = 10; i < 14; i++) {
        more.add(ActionItem.open("late-" + i, "Added later " + i));
      }
      store.update(stored.postmortem().withActionItems(more), stored.version());

      Killer killer = new Killer(killAt);
      int ticketsBefore = tracker.tickets().size();
      boolean killed;
      try {
        SyncEngine.builder(new KillingStore(store, killer), new KillingTracker(tracker, killer))
            .clock(clock).sleeper(clock).random(new Random(killAt)).build().apply(
                SyncEngine.builder(store, tracker).clock(clock).build().plan());
        killed = false;
      } catch (Killed e) {
        killed = true;
        if (tracker.tickets().size() > ticketsBefore) {
          killsAfterACreate++;
        }
      }
      // The lock of a killed process is released by the OS; here the store is simply reopened.
      ActionStore reopened = ActionStore.directory(storeDir, Duration.ofSeconds(5), clock);
      SyncResult restart = SyncEngine.builder(reopened, tracker).clock(clock).sleeper(clock).build().sync();
      assertThat(restart.failures()).as("kill point %d", killAt).isEmpty();

      for (var p : reopened.findAll()) {
        for (ActionItem item : p.postmortem().actionItems()) {
          String key = p.postmortem().idempotencyKey(item);
          assertThat(SyncFixtures.ticketsCarrying(tracker.tickets(), key)).as("kill point %d, %s", killAt, key).isEqualTo(1);
        }
      }
      assertThat(tracker.tickets()).as("kill point %d", killAt)
          .anyMatch(t -> t.title().equals("Renamed"))
          .anyMatch(t -> t.idempotencyKey().equals(TicketKeys.of("pm-1", "item-2")) && t.state() == TicketState.DONE);
      assertThat(SyncFixtures.item(reopened, "pm-0", "item-3").status()).as("kill point %d", killAt)
          .isEqualTo(ItemStatus.IN_PROGRESS);
      assertThat(SyncEngine.builder(reopened, tracker).clock(clock).build().plan().actions()).as("kill point %d", killAt).isEmpty();
      if (!killed) {
        break;
      }
      killPoints++;
    }
    assertThat(killPoints).isGreaterThan(10);
    assertThat(killsAfterACreate).as("kills that landed after a create reached the tracker").isGreaterThan(3);
  }
}
