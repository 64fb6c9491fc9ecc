package dev.followthrough.core.sync;

import dev.followthrough.core.model.ActionItem;
import dev.followthrough.core.model.ChangeOrigin;
import dev.followthrough.core.model.HistoryEntry;
import dev.followthrough.core.model.TicketLink;
import dev.followthrough.core.store.ActionStore;
import dev.followthrough.core.store.RunLockLostException;
import dev.followthrough.core.sync.PlannedAction.Adopt;
import dev.followthrough.core.sync.PlannedAction.Conflict;
import dev.followthrough.core.sync.PlannedAction.Create;
import dev.followthrough.core.sync.PlannedAction.MarkDeleted;
import dev.followthrough.core.sync.PlannedAction.Moved;
import dev.followthrough.core.sync.PlannedAction.Pull;
import dev.followthrough.core.sync.PlannedAction.Push;
import dev.followthrough.core.sync.PlannedAction.Recover;
import dev.followthrough.core.sync.PlannedAction.Transition;
import dev.followthrough.core.tracker.TicketDraft;
import dev.followthrough.core.tracker.TicketField;
import dev.followthrough.core.tracker.TicketSnapshot;
import dev.followthrough.core.tracker.Tracker;
import dev.followthrough.core.tracker.TrackerException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One apply of a {@link SyncPlan}, in a safe order: adoptions, recoveries and creates first (see
 * {@link TicketCreation}); every new or adopted ticket's key is stored before anything else is done
 * to it. Its follow-up steps (closing the ticket of a closed item, the source link) are then
 * ordinary changes, done with the plan's updates, transitions and pulls, and retried by later runs
 * like any other change when they fail.
 */
final class SyncRun {
  private static final Logger LOG = LoggerFactory.getLogger(SyncRun.class);

  final ActionStore store;
  final Tracker tracker;
  final Clock clock;
  final SyncOptions options;
  final RandomGenerator random;
  final Retrier retrier;
  final StoreWriter writer;
  final RunLockWatch lock;
  private final SyncListener listener;
  private final SyncPlan plan;
  private final List<ItemRef> created = new ArrayList<>();
  private final List<ItemRef> adopted = new ArrayList<>();
  private final List<ItemRef> updated = new ArrayList<>();
  private final List<ItemRef> transitioned = new ArrayList<>();
  private final List<ItemRef> pulled = new ArrayList<>();
  private final List<ItemRef> conflicts = new ArrayList<>();
  private final List<DeletedTicket> deleted = new ArrayList<>();
  private final List<SyncResult.Failure> failures = new ArrayList<>();
  private final List<PlannedAction> followUps = new ArrayList<>();
  /** Per item: the ticket as last seen, and the draft the plan made (the baseline's store side). */
  private final Map<String, TicketSnapshot> latest = new HashMap<>();
  private final Map<String, TicketDraft> drafts = new HashMap<>();
  private final Map<String, Map<TicketField, String>> pulledValues = new HashMap<>();
  private final Map<String, ItemRef> refs = new HashMap<>();
  private final Set<String> failed = new HashSet<>();
  private int done;

  SyncRun(SyncPlan plan, ActionStore store, Tracker tracker, Clock clock, SyncOptions options, Sleeper sleeper,
      SyncListener listener, RandomGenerator random, RunLockWatch lock) {
    this.plan = plan;
    this.lock = lock;
    this.store = store;
    this.tracker = tracker;
    this.clock = clock;
    this.options = options;
    this.listener = listener;
    this.random = random;
    this.writer = new StoreWriter(store);
    this.retrier = new Retrier(options.retry(), clock, sleeper, random, clock.instant().plus(options.timeBudget()));
  }

  void execute() {
    List<Create> creates = new ArrayList<>();
    List<Recover> recovers = new ArrayList<>();
    for (PlannedAction a : plan.actions()) {
      if (a instanceof Create c) {
        creates.add(c);
      } else if (a instanceof Recover r) {
        recovers.add(r);
      } else if (a instanceof Adopt adopt) {
        adopt(adopt, adopt.ticket());
      } else if (a instanceof Moved moved) {
        relink(moved);
      } else if (a instanceof PlannedAction.ReferenceNotFound m) {
        writer.change(a.item(), item -> CitedTickets.notFound(item, m.ticketKey(), clock.instant()));
        finished(a, null);
      }
    }
    writer.flush();
    TicketCreation creation = new TicketCreation(this);
    creates.addAll(creation.recover(recovers));
    creation.createAll(creates);
    // Keys of new and adopted tickets are stored now: a crash from here on costs no duplicate.
    writer.flush();
    List<PlannedAction> changes = new ArrayList<>(followUps);
    plan.actions().stream()
        .filter(a -> !(a instanceof Create || a instanceof Recover || a instanceof Adopt || a instanceof Moved
            || a instanceof PlannedAction.ReferenceNotFound))
        .forEach(changes::add);
    for (PlannedAction a : changes) {
      if (failed.contains(a.item().toString())) {
        continue;
      }
      if (lock.isLost()) {
        fail(a, lock.reason());
        continue;
      }
      if (retrier.pastDeadline()) {
        fail(a, "not done: the run's time budget of " + options.timeBudget().toSeconds() + " s ran out");
        continue;
      }
      try {
        change(a);
        finished(a, null);
      } catch (TrackerException | TimeBudgetExceededException | RunLockLostException e) {
        fail(a, e.getMessage());
      }
    }
    // A run that lost its lock stores nothing more (its pulls could undo a newer run's); the next reads both sides.
    if (lock.isLost()) {
      pulled.clear();
      conflicts.clear();
    } else {
      rememberSyncedValues();
      writer.flush();
    }
    deleted.addAll(plan.deleted());
  }

  private void change(PlannedAction a) {
    String key = a.item().toString();
    drafts.putIfAbsent(key, a.draft());
    refs.putIfAbsent(key, a.item());
    if (a instanceof Push push) {
      latest.put(key, retrier.call(() -> {
        lock.require();
        return tracker.update(push.ticketKey(), push.draft(), push.fields());
      }));
      updated.add(a.item());
    } else if (a instanceof Transition tr) {
      latest.put(key, retrier.call(() -> {
        lock.require();
        return tracker.transition(tr.ticketKey(), tr.to());
      }));
      transitioned.add(a.item());
    } else if (a instanceof Pull pull) {
      latest.putIfAbsent(key, pull.ticket());
      pulledValues.computeIfAbsent(key, k -> new HashMap<>()).putAll(pull.values());
      Instant now = clock.instant(); // a ticket closed in the tracker starts the wait for its fix to be shown to work
      writer.change(a.item(), (postmortem, item) -> options.verification().settle(PulledValues.apply(item, pull, now,
          ItemDrafts.draft(postmortem, item, options.labels(), tracker)), now.atZone(java.time.ZoneOffset.UTC).toLocalDate(),
          postmortem.severity()));
      pulled.add(a.item());
    } else if (a instanceof Conflict conflict) {
      Instant now = clock.instant();
      writer.change(a.item(), item -> item.recording(new HistoryEntry(now, ChangeOrigin.TRACKER,
          "conflict:" + conflict.field().key(), conflict.storeValue(), conflict.trackerValue(), conflict.winner() + " won")));
      conflicts.add(a.item());
    } else if (a instanceof MarkDeleted gone) {
      writer.change(a.item(), item -> {
        TicketLink link = link(item);
        return link == null || !gone.ticketKey().equals(link.key()) ? item : withLink(item, link.deleted())
            .recording(new HistoryEntry(clock.instant(), ChangeOrigin.TRACKER, "ticket", gone.ticketKey(), null,
                "deleted in the tracker"));
      });
      deleted.add(new DeletedTicket(a.item(), gone.ticketKey()));
    }
  }

  /** Stores the new key of a moved ticket before any change is made to it under that key. */
  private void relink(Moved moved) {
    Instant now = clock.instant();
    writer.change(moved.item(), item -> {
      TicketLink link = link(item);
      if (link == null || !moved.fromKey().equals(link.key())) {
        return item;
      }
      return withLink(item, link.movedTo(moved.ticket().key(), moved.ticket().url())).recording(new HistoryEntry(now,
          ChangeOrigin.TRACKER, "ticket", moved.fromKey(), moved.ticket().key(), "moved in the tracker"));
    });
    finished(moved, null);
  }

  /** A create answered with its ticket: store the key, then plan what the create left undone. */
  void linkCreated(Create c, TicketSnapshot ticket) {
    Instant now = clock.instant();
    TicketLink link = new TicketLink(tracker.type(), ticket.key(), ticket.url(), now,
        FieldDiff.syncedAfterCreate(c.draft(), ticket), null);
    writer.change(c.item(), item -> withLink(item, link)
        .recording(new HistoryEntry(now, ChangeOrigin.LOCAL, "ticket", null, ticket.key(), null)));
    created.add(c.item());
    remember(c.item(), ticket, c.draft());
    followUps.addAll(FieldDiff.diff(c.item(), c.draft(), link, ticket, options.conflicts(), tracker.capabilities()));
    finished(c, null);
  }

  /** Links a ticket found by its key; made from this item's draft, what differs is unfinished work, done as any change. */
  void adopt(PlannedAction action, TicketSnapshot ticket) {
    Instant now = clock.instant();
    TicketLink fresh = new TicketLink(tracker.type(), ticket.key(), ticket.url(), null, Map.of(), null);
    writer.change(action.item(), item -> withLink(item, fresh)
        .recording(new HistoryEntry(now, ChangeOrigin.LOCAL, "ticket", null, ticket.key(), "found by idempotency key")));
    adopted.add(action.item());
    remember(action.item(), ticket, action.draft());
    followUps.addAll(FieldDiff.finishAdopted(action.item(), action.draft(), fresh, ticket, tracker.capabilities()));
    finished(action, null);
  }

  private void remember(ItemRef ref, TicketSnapshot ticket, TicketDraft draft) {
    latest.put(ref.toString(), ticket);
    drafts.put(ref.toString(), draft);
    refs.put(ref.toString(), ref);
  }

  /**
   * After all actions: for every item this run touched without a failure, the values both sides
   * hold now become the baseline the next sync compares against. The store's side is the draft
   * the plan made, never the store as it is now: an edit imported during the run is then still a
   * change for the next run to push.
   */
  private void rememberSyncedValues() {
    Instant now = clock.instant();
    for (var entry : latest.entrySet()) {
      String key = entry.getKey();
      TicketSnapshot ticket = entry.getValue();
      TicketDraft draft = drafts.get(key);
      if (failed.contains(key) || draft == null) {
        continue;
      }
      Map<String, String> synced = FieldDiff.synced(draft, ticket);
      pulledValues.getOrDefault(key, Map.of()).forEach((f, v) -> synced.put(f.key(), v));
      writer.change(refs.get(key), item -> {
        TicketLink link = link(item);
        if (link == null || link.isPending() || !link.key().equals(ticket.key())) {
          return item;
        }
        return withLink(item, new TicketLink(link.tracker(), link.key(), ticket.url() != null ? ticket.url() : link.url(),
            now, synced, null));
      });
    }
  }

  Instant planMadeAt() {
    return plan.madeAt();
  }

  SyncResult result() {
    return new SyncResult(created, adopted, updated, transitioned, pulled, conflicts, failures, plan.unchanged(), deleted,
        List.of(), plan.mode());
  }

  void finished(PlannedAction a, String failure) {
    done++;
    safely(() -> listener.actionFinished(a, done, plan.actions().size(), failure));
  }

  void fail(PlannedAction a, String reason) {
    failed.add(a.item().toString());
    failures.add(new SyncResult.Failure(a.item(), reason));
    finished(a, reason);
  }

  TicketLink link(ActionItem item) {
    return link(item, tracker.type());
  }

  /** The item's ticket in this tracker, or {@code null}. */
  static TicketLink link(ActionItem item, String trackerType) {
    return item.ticketIn(trackerType).orElse(null);
  }

  static ActionItem withLink(ActionItem item, TicketLink link) {
    List<TicketLink> links = new ArrayList<>(item.tickets().stream().filter(t -> !t.tracker().equals(link.tracker())).toList());
    links.add(link);
    return item.withTickets(links);
  }

  /** Listener calls must not break a run. */
  static void safely(Runnable call) {
    try {
      call.run();
    } catch (RuntimeException e) {
      LOG.warn("a sync listener failed: {}", e.toString());
    }
  }
}
