package dev.followthrough.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.followthrough.core.Followthrough;
import dev.followthrough.core.model.ItemStatus;
import dev.followthrough.core.store.ActionStore;
import dev.followthrough.core.sync.SyncEngine;
import dev.followthrough.core.sync.SyncResult;
import dev.followthrough.core.testing.TestClock;
import dev.followthrough.core.tracker.InMemoryTracker;
import dev.followthrough.core.tracker.TicketSnapshot;
import dev.followthrough.core.tracker.TicketState;
import dev.followthrough.core.tracker.Tracker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The queue on a test clock, its turns run by hand: coalescing, the run lock, backoff, search lag, the backstop. */
class SyncQueueTest {
  @TempDir Path dir;
  final TestClock clock = TestClock.at("2025-06-01T10:00:00Z");
  final ActionStore store = ActionStore.inMemory();
  final InMemoryTracker memory = InMemoryTracker.builder().type("jira").clock(clock).build();
  /** Keys whose fetch answers the ticket as it was, until the instant given: a search index behind. */
  final Map<String, Instant> staleUntil = new HashMap<>();
  final Map<String, TicketSnapshot> stale = new HashMap<>();
  final List<Set<String>> targeted = new ArrayList<>();
  int backstops;
  SyncEngine engine;
  SyncQueue queue;

  @BeforeEach
  void setUp() throws Exception {
    Followthrough ft = Followthrough.builder().store(store).tracker(memory).clock(clock).build();
    ft.importDocument(Files.writeString(dir.resolve("pm.md"), ServerFixture.DOC));
    engine = SyncEngine.builder(store, lagging()).clock(clock).sleeper(clock).build();
    engine.sync();
    queue = SyncQueue.builder(new SyncQueue.Syncs() {
      @Override
      public SyncResult syncTickets(Set<String> keys) {
        targeted.add(keys);
        return engine.syncTickets(keys);
      }

      @Override
      public SyncResult syncChanged() {
        backstops++;
        return engine.sync();
      }
    }, store, "jira", clock).backoff(Duration.ofSeconds(5), Duration.ofSeconds(30))
        .searchLag(Duration.ofSeconds(5), Duration.ofSeconds(60)).backstop(Duration.ofMinutes(15)).build();
  }

  /** The in-memory tracker, with fetch answering stale tickets for the keys in {@link #staleUntil}. */
  Tracker lagging() {
    return new Tracker() {
      public String type() { return memory.type(); }
      public dev.followthrough.core.tracker.Capabilities capabilities() { return memory.capabilities(); }
      public List<TicketSnapshot> findByKeys(Collection<String> keys) { return memory.findByKeys(keys); }
      public List<Tracker.CreateOutcome> createAll(List<dev.followthrough.core.tracker.TicketDraft> drafts) { return memory.createAll(drafts); }
      public TicketSnapshot update(String key, dev.followthrough.core.tracker.TicketDraft d, Set<dev.followthrough.core.tracker.TicketField> f) { return memory.update(key, d, f); }
      public TicketSnapshot transition(String key, TicketState target) { return memory.transition(key, target); }
      public void comment(String key, String text) { memory.comment(key, text); }
      public List<TicketSnapshot> fetch(Collection<String> keys) {
        List<TicketSnapshot> out = new ArrayList<>();
        for (TicketSnapshot t : memory.fetch(keys)) {
          Instant until = staleUntil.get(t.key());
          out.add(until != null && clock.instant().isBefore(until) ? stale.get(t.key()) : t);
        }
        return out;
      }
    };
  }

  String key(int i) {
    return memory.tickets().get(i).key();
  }

  ItemStatus status(int i) {
    return store.findAll().get(0).postmortem().actionItems().get(i).status();
  }

  @Test
  void keysOfferedSeveralTimesAreReadOnceInOneTargetedSync() {
    queue.offer(List.of(key(0)));
    queue.offer(List.of(key(0), key(1)));
    queue.offer(List.of(key(1)));
    assertThat(queue.runDue()).isPresent();
    assertThat(targeted).containsExactly(Set.of(key(0), key(1)));
    assertThat(queue.runDue()).isEmpty();
  }

  @Test
  void whileTheRunLockIsHeldTheKeysWaitWithBackoffAndNoTicketIsRead() {
    memory.changeState(key(0), TicketState.DONE);
    memory.resetCounts();
    queue.offer(List.of(key(0)));
    try (ActionStore.RunLock schedule = store.tryLockRun().orElseThrow()) {
      SyncQueue.Turn turn = queue.runDue().orElseThrow();
      assertThat(turn.error()).isInstanceOf(dev.followthrough.core.sync.SyncInProgressException.class);
      assertThat(memory.calls(InMemoryTracker.Call.FETCH)).isZero();
      assertThat(status(0)).isEqualTo(ItemStatus.OPEN);
      assertThat(queue.nextDue()).contains(clock.instant().plusSeconds(5));
      clock.advance(Duration.ofSeconds(5));
      assertThat(queue.runDue().orElseThrow().error()).isNotNull();
      assertThat(queue.nextDue()).contains(clock.instant().plusSeconds(15));
    }
    clock.advance(Duration.ofSeconds(14));
    assertThat(queue.runDue()).isEmpty();
    clock.advance(Duration.ofSeconds(1));
    assertThat(queue.runDue().orElseThrow().failed()).isFalse();
    assertThat(status(0)).isEqualTo(ItemStatus.DONE);
    assertThat(queue.pending()).isEmpty();
  }

  @Test
  void aTicketTheSearchHasNotCaughtUpWithIsReadAgainUntilItHas() {
    stale.put(key(0), memory.fetch(List.of(key(0))).get(0));
    staleUntil.put(key(0), clock.instant().plusSeconds(12));
    memory.changeState(key(0), TicketState.DONE);
    queue.offer(List.of(key(0)));
    queue.runDue().orElseThrow();
    assertThat(status(0)).isEqualTo(ItemStatus.OPEN);
    assertThat(queue.pending()).containsExactly(key(0));
    clock.advance(Duration.ofSeconds(5));
    queue.runDue().orElseThrow();
    assertThat(status(0)).isEqualTo(ItemStatus.OPEN);
    clock.advance(Duration.ofSeconds(15));
    queue.runDue().orElseThrow();
    assertThat(status(0)).isEqualTo(ItemStatus.DONE);
    assertThat(queue.pending()).isEmpty();
    assertThat(targeted).hasSize(3);
  }

  @Test
  void aKeyReadWithoutChangeIsLetGoOnceTheLagWindowHasPassed() {
    queue.offer(List.of(key(1)));
    int runs = 0;
    while (queue.nextDue().filter(n -> n.isBefore(clock.instant().plus(Duration.ofMinutes(10)))).isPresent() && runs < 10) {
      clock.advance(Duration.between(clock.instant(), queue.nextDue().orElseThrow()));
      queue.runDue();
      runs++;
    }
    assertThat(queue.pending()).isEmpty();
    assertThat(targeted).hasSizeBetween(3, 5);
  }

  @Test
  void aKeyNoItemLinksIsReadOnceAndDropped() {
    queue.offer(List.of("OPS-999"));
    queue.runDue().orElseThrow();
    assertThat(queue.pending()).isEmpty();
  }

  @Test
  void theBackstopRunsAnIncrementalSyncEveryIntervalAndOnlyTheNextSlotAfterALongOne() {
    assertThat(queue.nextDue()).contains(clock.instant().plus(Duration.ofMinutes(15)));
    clock.advance(Duration.ofMinutes(15));
    memory.changeState(key(1), TicketState.DONE);
    assertThat(queue.runDue().orElseThrow().kind()).isEqualTo(SyncQueue.Turn.Kind.BACKSTOP);
    assertThat(status(1)).isEqualTo(ItemStatus.DONE);
    clock.advance(Duration.ofMinutes(47));
    queue.runDue();
    assertThat(backstops).isEqualTo(2);
    assertThat(queue.nextDue()).contains(Instant.parse("2025-06-01T11:15:00Z"));
  }
}
