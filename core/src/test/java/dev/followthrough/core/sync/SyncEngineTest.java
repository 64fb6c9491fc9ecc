package dev.followthrough.core.sync;

import static dev.followthrough.core.sync.SyncFixtures.fill;
import static dev.followthrough.core.sync.SyncFixtures.item;
import static dev.followthrough.core.sync.SyncFixtures.items;
import static dev.followthrough.core.sync.SyncFixtures.link;
import static org.assertj.core.api.Assertions.assertThat;

import dev.followthrough.core.config.ConflictRule;
import dev.followthrough.core.model.ActionItem;
import dev.followthrough.core.model.ChangeOrigin;
import dev.followthrough.core.model.ItemStatus;
import dev.followthrough.core.store.ActionStore;
import dev.followthrough.core.testing.TestClock;
import dev.followthrough.core.tracker.InMemoryTracker;
import dev.followthrough.core.tracker.InMemoryTracker.Call;
import dev.followthrough.core.tracker.TicketSnapshot;
import dev.followthrough.core.tracker.TicketState;
import dev.followthrough.core.tracker.TrackerException;
import dev.followthrough.core.tracker.TrackerException.Kind;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SyncEngineTest {
  TestClock clock;
  ActionStore store;
  InMemoryTracker tracker;
  SyncOptions options = SyncOptions.defaults().withLabels(List.of("postmortem"));

  @BeforeEach
  void setUp() {
    clock = TestClock.at("2025-06-01T10:00:00Z");
    store = ActionStore.inMemory();
    tracker = InMemoryTracker.builder().clock(clock).build();
  }

  SyncEngine engine() {
    return SyncEngine.builder(store, tracker).clock(clock).sleeper(clock).options(options).random(new Random(1)).build();
  }

  void assertOneTicketPerItem() {
    List<TicketSnapshot> tickets = tracker.tickets();
    for (var stored : store.findAll()) {
      for (ActionItem item : stored.postmortem().actionItems()) {
        String key = stored.postmortem().idempotencyKey(item);
        assertThat(SyncFixtures.ticketsCarrying(tickets, key)).as(key).isEqualTo(1);
        assertThat(link(item, "memory")).as(key).isNotNull();
        assertThat(link(item, "memory").isPending()).as(key).isFalse();
      }
    }
  }

  @Test
  void firstSyncCreatesOneTicketPerItemInBatchesAndReadsInPages() {
    fill(store, 5, 50);
    SyncResult result = engine().sync();
    assertThat(result.created()).hasSize(250);
    assertThat(result.failures()).isEmpty();
    assertOneTicketPerItem();
    assertThat(tracker.calls(Call.CREATE)).isEqualTo(5);
    assertThat(tracker.calls(Call.FIND_BY_KEYS)).isEqualTo(1);
    assertThat(tracker.tickets()).filteredOn(t -> t.state() == TicketState.DONE).hasSize(5);
    assertThat(tracker.tickets().get(1).labels()).contains("postmortem", dev.followthrough.core.model.TicketKeys.of("pm-0", "item-1"));
  }

  @Test
  void resyncOfUnchangedItemsSendsNoWrites() {
    fill(store, 5, 50);
    engine().sync();
    tracker.resetCounts();
    SyncPlan plan = engine().plan();
    assertThat(plan.actions()).isEmpty();
    assertThat(plan.unchanged()).isEqualTo(250);
    SyncResult again = engine().sync();
    assertThat(tracker.writeCalls()).isZero();
    assertThat(tracker.calls(Call.FETCH)).isEqualTo(2 * 3);
    assertThat(again.unchanged()).isEqualTo(250);
  }

  @Test
  void planChangesNothing() {
    fill(store, 1, 3);
    var before = store.findAll();
    SyncPlan plan = engine().plan();
    assertThat(plan.actions()).hasSize(3).allMatch(a -> a instanceof PlannedAction.Create);
    assertThat(plan.describe()).contains("create   pm-0/item-1: \"Item 1 of incident 0\"");
    assertThat(tracker.tickets()).isEmpty();
    assertThat(store.findAll()).isEqualTo(before);
  }

  @Test
  void statusAndAssigneeArePulledBackWithHistory() {
    fill(store, 1, 3);
    engine().sync();
    String key = link(item(store, "pm-0", "item-1"), "memory").key();
    clock.advance(Duration.ofHours(1));
    tracker.changeState(key, TicketState.IN_PROGRESS);
    tracker.changeAssignee(key, "dana");
    SyncResult r = engine().sync();
    assertThat(r.pulled()).hasSize(1);
    ActionItem item = item(store, "pm-0", "item-1");
    assertThat(item.status()).isEqualTo(ItemStatus.IN_PROGRESS);
    assertThat(item.owner()).isEqualTo("dana");
    assertThat(item.history()).anySatisfy(h -> {
      assertThat(h.origin()).isEqualTo(ChangeOrigin.TRACKER);
      assertThat(h.field()).isEqualTo("status");
      assertThat(h.to()).isEqualTo("IN_PROGRESS");
    });
    assertThat(engine().plan().actions()).isEmpty();
  }

  @Test
  void closedAsNotPlannedBecomesWontDoAndAReopenedTicketReopensItsItem() {
    fill(store, 1, 2);
    engine().sync();
    String doneKey = link(item(store, "pm-0", "item-0"), "memory").key();
    String openKey = link(item(store, "pm-0", "item-1"), "memory").key();
    tracker.changeState(openKey, TicketState.WONT_DO);
    tracker.changeState(doneKey, TicketState.OPEN);
    engine().sync();
    assertThat(item(store, "pm-0", "item-1").status()).isEqualTo(ItemStatus.WONT_DO);
    assertThat(item(store, "pm-0", "item-0").status()).isEqualTo(ItemStatus.OPEN);
  }

  @Test
  void aLocalChangePushesOnlyTheChangedFields() {
    fill(store, 1, 3);
    engine().sync();
    SyncFixtures.editItem(store, "pm-0", i -> i.withTitle("Renamed item"), "item-2");
    tracker.resetCounts();
    SyncPlan plan = engine().plan();
    assertThat(plan.actions()).singleElement().isInstanceOfSatisfying(PlannedAction.Push.class,
        p -> assertThat(p.fields()).containsExactly(dev.followthrough.core.tracker.TicketField.TITLE));
    engine().sync();
    assertThat(tracker.calls(Call.UPDATE)).isEqualTo(1);
    assertThat(tracker.tickets()).anyMatch(t -> t.title().equals("Renamed item"));
    assertThat(engine().plan().actions()).isEmpty();
  }

  @Test
  void aLocallyClosedItemClosesItsTicket() {
    fill(store, 1, 2);
    engine().sync();
    SyncFixtures.editItem(store, "pm-0", i -> i.withStatus(ItemStatus.DONE), "item-1");
    SyncResult r = engine().sync();
    assertThat(r.transitioned()).hasSize(1);
    String key = link(item(store, "pm-0", "item-1"), "memory").key();
    assertThat(tracker.tickets()).filteredOn(t -> t.key().equals(key)).singleElement()
        .extracting(TicketSnapshot::state).isEqualTo(TicketState.DONE);
  }

  @Test
  void aFieldChangedOnBothSidesIsARecordedConflictSettledByTheRule() {
    fill(store, 1, 2);
    engine().sync();
    String key = link(item(store, "pm-0", "item-1"), "memory").key();
    SyncFixtures.editItem(store, "pm-0", i -> i.withTitle("Store title"), "item-1");
    tracker.changeTitle(key, "Tracker title");
    SyncResult r = engine().sync();
    assertThat(r.conflicts()).hasSize(1);
    assertThat(tracker.tickets()).anyMatch(t -> t.title().equals("Store title"));
    assertThat(item(store, "pm-0", "item-1").history()).anyMatch(h -> h.field().equals("conflict:title"));

    options = options.withConflicts(ConflictRule.TRACKER);
    SyncFixtures.editItem(store, "pm-0", i -> i.withTitle("Store again"), "item-1");
    tracker.changeTitle(key, "Tracker again");
    engine().sync();
    assertThat(item(store, "pm-0", "item-1").title()).isEqualTo("Tracker again");
  }

  @Test
  void oneFailingItemNeverStopsTheOthers() {
    fill(store, 1, 4);
    engine().sync();
    for (String id : List.of("item-1", "item-2", "item-3")) {
      SyncFixtures.editItem(store, "pm-0", i -> i.withTitle(i.title() + " (edited)"), id);
    }
    tracker.failNext(Call.UPDATE, new TrackerException("memory", Kind.INVALID, 400, "priority: not allowed"));
    SyncResult r = engine().sync();
    assertThat(r.failures()).singleElement().satisfies(f -> assertThat(f.reason()).contains("priority: not allowed"));
    assertThat(r.updated()).hasSize(2);
    assertThat(engine().sync().updated()).hasSize(1);
  }

  @Test
  void retryAfterIsHonouredAndTransientErrorsBackOff() {
    fill(store, 1, 2);
    engine().sync();
    SyncFixtures.editItem(store, "pm-0", i -> i.withTitle("Edited"), "item-1");
    tracker.failNext(Call.UPDATE,
        new TrackerException("memory", Kind.RATE_LIMITED, 429, null, Duration.ofSeconds(30), "rate limited", null),
        new TrackerException("memory", Kind.TRANSIENT, 503, "unavailable"));
    SyncResult r = engine().sync();
    assertThat(r.failures()).isEmpty();
    assertThat(r.updated()).hasSize(1);
    assertThat(clock.sleeps()).first().isEqualTo(Duration.ofSeconds(30));
    assertThat(clock.sleeps()).hasSize(2);
    assertThat(clock.sleeps().get(1)).isBetween(Duration.ofMillis(250), Duration.ofMillis(750));
  }

  @Test
  void aWaitBeyondTheTimeBudgetFailsCleanly() {
    fill(store, 1, 2);
    engine().sync();
    SyncFixtures.editItem(store, "pm-0", i -> i.withTitle("Edited"), "item-1");
    options = options.withTimeBudget(Duration.ofSeconds(10));
    tracker.failNext(Call.UPDATE, new TrackerException("memory", Kind.RATE_LIMITED, 429, null, Duration.ofMinutes(5), "rate limited", null));
    SyncResult r = engine().sync();
    assertThat(r.failures()).singleElement().satisfies(f -> assertThat(f.reason()).contains("time budget"));
    assertThat(clock.sleeps()).isEmpty();
  }

  @Test
  void aLostCreateResponseIsAdoptedNotDuplicated() {
    fill(store, 2, 30);
    tracker.loseCreateResponses(1);
    SyncResult r = engine().sync();
    // The first batch of 50 lost its response: never resent; the second batch of 10 went fine.
    assertThat(r.failures()).hasSize(50).allSatisfy(f -> assertThat(f.reason()).contains("never sent again"));
    assertThat(r.created()).hasSize(10);
    assertThat(tracker.calls(Call.CREATE)).isEqualTo(2);
    SyncResult next = engine().sync();
    assertThat(next.adopted()).hasSize(50);
    assertThat(next.created()).isEmpty();
    assertThat(next.failures()).isEmpty();
    assertThat(tracker.tickets()).hasSize(60);
    assertOneTicketPerItem();
  }

  @Test
  void withALaggingSearchAnUncertainCreateIsLookedForAfterTheLagNeverResent() {
    tracker = InMemoryTracker.builder().clock(clock).searchLag(Duration.ofMinutes(2)).build();
    fill(store, 1, 3);
    tracker.loseCreateResponses(1);
    options = options.withTimeBudget(Duration.ofMinutes(1));
    SyncResult first = engine().sync();
    assertThat(first.failures()).hasSize(3).allSatisfy(f -> assertThat(f.reason()).contains("looks for the ticket"));
    assertThat(tracker.tickets()).hasSize(3);

    // Still inside the lag window: the plan only looks, and the run waits out the rest of the lag.
    clock.advance(Duration.ofSeconds(30));
    options = options.withTimeBudget(Duration.ofMinutes(10));
    SyncPlan plan = engine().plan();
    assertThat(plan.actions()).hasSize(3).allMatch(a -> a instanceof PlannedAction.Recover);
    SyncResult second = engine().apply(plan);
    assertThat(second.adopted()).hasSize(3);
    assertThat(second.created()).isEmpty();
    assertThat(clock.sleeps()).contains(Duration.ofSeconds(90));
    assertOneTicketPerItem();
  }

  @Test
  void aTicketCreatedByACrashedRunIsAdoptedAndFinished() {
    fill(store, 1, 2);
    // What a run killed after the tracker created the tickets, before the store saved the keys, leaves.
    var p = store.find("pm-0").orElseThrow();
    var drafts = p.postmortem().actionItems().stream()
        .map(i -> ItemDrafts.draft(p.postmortem(), i, options.labels(), tracker))
        .map(d -> new dev.followthrough.core.tracker.TicketDraft(d.idempotencyKey(), d.title(), d.description(), d.owner(),
            d.dueDate(), d.priority(), d.labels(), d.sourceUrl(), TicketState.OPEN))
        .toList();
    tracker.createAll(drafts);
    SyncResult r = engine().sync();
    assertThat(r.adopted()).hasSize(2);
    assertThat(r.created()).isEmpty();
    assertThat(r.transitioned()).hasSize(1);
    assertOneTicketPerItem();
    assertThat(engine().plan().actions()).isEmpty();
  }

  @Test
  void aDefiniteCreateFailureClearsTheIntent() {
    fill(store, 1, 2);
    tracker.failNext(Call.CREATE, new TrackerException("memory", Kind.AUTH, 401, "token rejected"));
    SyncResult r = engine().sync();
    assertThat(r.failures()).hasSize(2);
    assertThat(items(store)).allSatisfy(i -> assertThat(i.tickets()).isEmpty());
  }

  @Test
  void aSecondSyncWhileOneRunsIsRefused() {
    fill(store, 1, 1);
    try (var held = store.tryLockRun().orElseThrow()) {
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> engine().sync())
          .isInstanceOf(SyncInProgressException.class);
    }
  }

  @Test
  void aDeletedTicketIsMarkedAndReportedNotRecreatedAndTheOthersStillSync() {
    fill(store, 1, 3);
    engine().sync();
    String gone = SyncFixtures.link(SyncFixtures.item(store, "pm-0", "item-1"), "memory").key();
    tracker.delete(gone);
    SyncFixtures.editItem(store, "pm-0", i -> i.withTitle("Still synced"), "item-2");

    SyncPlan plan = engine().plan();
    assertThat(plan.describe()).contains("deleted  pm-0/item-1: ticket " + gone + " was deleted in the tracker")
        .contains("followthrough unlink pm-0/item-1");
    SyncResult r = engine().sync();
    assertThat(r.failures()).isEmpty();
    assertThat(r.deleted()).singleElement().satisfies(d -> assertThat(d.ticketKey()).isEqualTo(gone));
    assertThat(r.updated()).extracting(ItemRef::itemId).containsExactly("item-2");
    assertThat(SyncFixtures.link(SyncFixtures.item(store, "pm-0", "item-1"), "memory").state())
        .isEqualTo(dev.followthrough.core.model.TicketLink.State.DELETED);
    assertThat(tracker.tickets()).hasSize(2);

    // Known as deleted: no request for it, no write, and it is still named.
    tracker.resetCounts();
    SyncResult again = engine().sync();
    assertThat(tracker.writeCalls()).isZero();
    assertThat(again.deleted()).hasSize(1);
    assertThat(engine().plan().actions()).isEmpty();

    // Unlinked by a person: the next sync creates a new ticket.
    SyncFixtures.editItem(store, "pm-0", i -> i.withTickets(List.of()), "item-1");
    assertThat(engine().sync().created()).extracting(ItemRef::itemId).containsExactly("item-1");
    assertOneTicketPerItem();
  }

  @Test
  void anEditImportedWhileASyncRunsIsPushedByTheNextSyncNotLost() {
    fill(store, 1, 2);
    engine().sync();
    SyncFixtures.editItem(store, "pm-0", i -> i.withTitle("First edit"), "item-1");
    SyncPlan plan = engine().plan();
    // An import lands between the plan's reads and the end of the run.
    SyncFixtures.editItem(store, "pm-0", i -> i.withTitle("Second edit, during the sync"), "item-1");
    engine().apply(plan);
    assertThat(tracker.tickets()).anyMatch(t -> t.title().equals("First edit"));
    SyncResult next = engine().sync();
    assertThat(next.updated()).extracting(ItemRef::itemId).containsExactly("item-1");
    assertThat(tracker.tickets()).anyMatch(t -> t.title().equals("Second edit, during the sync"));
  }

  @Test
  void applyingAPlanTakesTheRunLockToo() {
    fill(store, 1, 1);
    SyncPlan plan = engine().plan();
    try (var held = store.tryLockRun().orElseThrow()) {
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> engine().apply(plan))
          .isInstanceOf(SyncInProgressException.class);
    }
    assertThat(tracker.tickets()).isEmpty();
  }

  @Test
  void theRecoveryWindowCoversTheClientsWaitTheTrackersLateWorkAndTheSearchLag() {
    // The client waits 30 s for an answer that never comes; the tracker finishes the create
    // 15 s after that, and its search shows it 30 s later still.
    tracker = InMemoryTracker.builder().clock(clock).searchLag(Duration.ofSeconds(30))
        .createSettleTime(Duration.ofSeconds(30)).clientWait(Duration.ofSeconds(30), clock).build();
    fill(store, 1, 1);
    tracker.inject(Call.CREATE, dev.followthrough.core.tracker.TrackerFault.STILL_WORKING);
    assertThat(engine().sync().failures()).hasSize(1);
    clock.advance(Duration.ofSeconds(31));
    SyncResult next = engine().sync();
    assertThat(next.created()).isEmpty();
    assertThat(next.adopted()).hasSize(1);
    assertThat(tracker.tickets()).hasSize(1);
  }

  @Test
  void recoveringCreatesSentAtDifferentTimesWaitsForTheNewestOnesWindow() {
    // One create per request: the first is sent at once, the second after the client gave up on the
    // first, 30 s later. Each finishes 45 s after it was sent and shows in the search 30 s after that.
    tracker = InMemoryTracker.builder().clock(clock).batchCreate(1).searchLag(Duration.ofSeconds(30))
        .createSettleTime(Duration.ofSeconds(30)).clientWait(Duration.ofSeconds(30), clock).build();
    fill(store, 1, 2);
    tracker.inject(Call.CREATE, dev.followthrough.core.tracker.TrackerFault.STILL_WORKING);
    tracker.inject(Call.CREATE, dev.followthrough.core.tracker.TrackerFault.STILL_WORKING);
    assertThat(engine().sync().failures()).hasSize(2);
    // The next run comes at once: both creates are inside their windows, which end 30 s apart.
    SyncResult next = engine().sync();
    assertThat(next.created()).isEmpty();
    assertThat(next.adopted()).hasSize(2);
    assertThat(tracker.tickets()).hasSize(2);
    assertOneTicketPerItem();
  }

  @Test
  void aTransientReadFailureIsRetriedWithinTheRun() {
    fill(store, 1, 2);
    tracker.failNext(Call.FIND_BY_KEYS, new TrackerException("memory", Kind.TRANSIENT, 503, "unavailable"));
    SyncResult r = engine().sync();
    assertThat(r.failures()).isEmpty();
    assertThat(r.created()).hasSize(2);
  }

  @Test
  void aRunKilledWhileWaitingForASlowCreateLeavesAnIntentTheNextRunSettlesWithoutADuplicate() {
    // The process dies 30 s after sending the create, still waiting; the tracker finishes it 15 s
    // later and its search shows it 30 s after that. The restart comes 31 s after the kill.
    tracker = InMemoryTracker.builder().clock(clock).searchLag(Duration.ofSeconds(30))
        .createSettleTime(Duration.ofSeconds(30)).clientWait(Duration.ofSeconds(30), clock).build();
    fill(store, 1, 1);
    tracker.inject(Call.CREATE, dev.followthrough.core.tracker.TrackerFault.STILL_WORKING);
    dev.followthrough.core.tracker.Tracker dying = new dev.followthrough.core.testing.DelegatingTracker(tracker) {
      @Override
      public List<dev.followthrough.core.tracker.Tracker.CreateOutcome> createAll(List<dev.followthrough.core.tracker.TicketDraft> drafts) {
        try {
          return super.createAll(drafts);
        } catch (TrackerException e) {
          throw new IllegalStateException("killed while waiting for the create's answer");
        }
      }
    };
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> SyncEngine.builder(store, dying).clock(clock).sleeper(clock)
        .options(options).build().sync()).hasMessageContaining("killed");
    clock.advance(Duration.ofSeconds(31));
    SyncResult restart = engine().sync();
    assertThat(restart.created()).isEmpty();
    assertThat(tracker.tickets()).hasSize(1);
  }

  @Test
  void aPlanAppliedAfterAnotherRunCreatedTheTicketCreatesNothing() {
    fill(store, 1, 1);
    SyncPlan stale = engine().plan();
    engine().sync();
    SyncResult late = engine().apply(stale);
    assertThat(late.failures()).isEmpty();
    assertThat(tracker.tickets()).hasSize(1);
  }

  @Test
  void aPlanAppliedAfterAnotherRunLeftItsCreateUncertainCreatesNothing() {
    // The other run's create reached the tracker but its answer was lost: the item holds that
    // run's intent, newer than the plan, and the ticket is not searchable yet.
    tracker = InMemoryTracker.builder().clock(clock).searchLag(Duration.ofSeconds(30)).build();
    fill(store, 1, 1);
    SyncPlan stale = engine().plan();
    clock.advance(Duration.ofSeconds(1));
    tracker.inject(Call.CREATE, dev.followthrough.core.tracker.TrackerFault.RESET_AFTER_APPLIED);
    assertThat(engine().sync().failures()).hasSize(1);
    engine().apply(stale);
    assertThat(tracker.tickets()).hasSize(1);
  }

  @Test
  void anEditOfATrackerOwnedFieldMadeWhileTheSyncPullsItIsKeptAndPushed() {
    fill(store, 1, 2);
    engine().sync();
    String key = link(item(store, "pm-0", "item-1"), "memory").key();
    clock.advance(Duration.ofHours(1));
    tracker.changeAssignee(key, "dana");
    SyncPlan plan = engine().plan();
    assertThat(plan.actions()).anyMatch(a -> a instanceof PlannedAction.Pull);
    clock.advance(Duration.ofSeconds(1));
    SyncFixtures.editItem(store, "pm-0", i -> i.withOwner("carol"), "item-1");
    engine().apply(plan);
    assertThat(item(store, "pm-0", "item-1").owner()).isEqualTo("carol");
    engine().sync();
    assertThat(tracker.tickets()).filteredOn(t -> t.key().equals(key)).singleElement()
        .satisfies(t -> assertThat(t.assignee()).isEqualTo("carol"));
  }

  @Test
  void anItemWhoseCloseFailedIsClosedByTheNextSyncEvenThoughItsUpdateWentThrough() {
    fill(store, 1, 2);
    engine().sync();
    SyncFixtures.editItem(store, "pm-0", i -> i.withTitle("Renamed").withStatus(ItemStatus.DONE), "item-1");
    // The title update succeeds; the close is refused, so the item must not count as synced.
    tracker.inject(Call.TRANSITION, dev.followthrough.core.tracker.TrackerFault.FORBIDDEN);
    SyncResult failed = engine().sync();
    assertThat(failed.failures()).hasSize(1);
    assertThat(ticketOf("item-1").title()).isEqualTo("Renamed");
    assertThat(ticketOf("item-1").state()).isEqualTo(TicketState.OPEN);

    SyncResult retried = engine().sync();
    assertThat(retried.failures()).isEmpty();
    assertThat(ticketOf("item-1").state()).isEqualTo(TicketState.DONE);
    assertThat(item(store, "pm-0", "item-1").status()).isEqualTo(ItemStatus.DONE);
  }

  TicketSnapshot ticketOf(String itemId) {
    String key = dev.followthrough.core.model.TicketKeys.of("pm-0", itemId);
    return tracker.tickets().stream().filter(t -> t.labels().contains(key)).findFirst().orElseThrow();
  }
}
