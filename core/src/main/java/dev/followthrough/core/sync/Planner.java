package dev.followthrough.core.sync;

import dev.followthrough.core.model.ActionItem;
import dev.followthrough.core.model.Postmortem;
import dev.followthrough.core.model.TicketLink;
import dev.followthrough.core.store.ActionStore;
import dev.followthrough.core.store.StoredPostmortem;
import dev.followthrough.core.sync.PlannedAction.Adopt;
import dev.followthrough.core.sync.PlannedAction.Create;
import dev.followthrough.core.sync.PlannedAction.MarkDeleted;
import dev.followthrough.core.sync.PlannedAction.Moved;
import dev.followthrough.core.sync.PlannedAction.Recover;
import dev.followthrough.core.tracker.TicketDraft;
import dev.followthrough.core.tracker.TicketSnapshot;
import dev.followthrough.core.tracker.Tracker;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the store and the tracker and plans a run. A full plan reads every linked ticket; an
 * incremental one reads the tickets the tracker's feed lists as changed and, in batches, those of
 * items changed locally since the last sync; a targeted one reads only the tickets it names and
 * creates nothing. Reads only; changes nothing.
 */
final class Planner {
  private static final Logger LOG = LoggerFactory.getLogger(Planner.class);

  /** A plan and what it read, for the watermark. */
  record Planned(SyncPlan plan, ReadTickets read) {}

  private final ActionStore store;
  private final Tracker tracker;
  private final Clock clock;
  private final SyncOptions options;
  private final Sleeper sleeper;
  private final RandomGenerator random;

  Planner(ActionStore store, Tracker tracker, Clock clock, SyncOptions options, Sleeper sleeper, RandomGenerator random) {
    this.store = store;
    this.tracker = tracker;
    this.clock = clock;
    this.options = options;
    this.sleeper = sleeper;
    this.random = random;
  }

  Planned plan(PlanScope scope) {
    ReadTickets read = new ReadTickets(clock.instant());
    Retrier retrier = new Retrier(options.retry(), clock, sleeper, random, clock.instant().plus(options.timeBudget()));
    List<Candidate> unlinked = new ArrayList<>();
    List<Candidate> linked = new ArrayList<>();
    List<DeletedTicket> deleted = new ArrayList<>();
    collect(scope, unlinked, linked, deleted);
    Map<String, TicketSnapshot> changed = new HashMap<>();
    Map<String, TicketSnapshot> changedByIdempotencyKey = new HashMap<>();
    if (scope.mode() == SyncMode.INCREMENTAL) {
      for (TicketSnapshot t : retrier.call(() -> scope.feed().changedSince(scope.since()))) {
        read.listed(t);
        TicketSnapshot other = changed.get(t.key());
        if (other == null || FieldDiff.newer(t, other)) {
          changed.put(t.key(), t);
          if (t.idempotencyKey() != null) {
            changedByIdempotencyKey.put(t.idempotencyKey(), t);
          }
        }
      }
    }
    Map<String, TicketSnapshot> byIdempotencyKey = unlinked.isEmpty() ? Map.of() : findByKeys(unlinked, retrier);
    int unchanged = 0;
    List<Candidate> toRead = new ArrayList<>();
    List<PlannedAction> actions = new ArrayList<>();
    for (Candidate c : linked) {
      if (CitedTickets.unconfirmed(c.item(), c.link()) && !tracker.holds(c.link())) {
        // Another project's ticket: never read or changed, not even to see whether it exists.
        String where = c.link().url() != null ? c.link().url() : c.link().key();
        actions.add(new PlannedAction.ReferenceNotFound(c.ref(), c.link().key(), where));
        actions.add(new Create(c.ref(), c.draft()));
        continue;
      }
      if (scope.mode() != SyncMode.INCREMENTAL || changed.containsKey(c.link().key())
          || SyncEngine.foundFor(c.draft(), changedByIdempotencyKey) != null
          || FieldDiff.changedSinceLastSync(c.draft(), c.link(), tracker.capabilities())) {
        toRead.add(c);
      } else {
        unchanged++;
      }
    }
    Map<String, TicketSnapshot> byKey = new HashMap<>();
    Map<String, TicketSnapshot> fetchedByIdempotencyKey = new HashMap<>();
    List<String> keys = toRead.stream().map(c -> c.link().key()).filter(k -> !changed.containsKey(k)).toList();
    if (!keys.isEmpty()) {
      for (TicketSnapshot t : retrier.call(() -> tracker.fetch(keys))) {
        byKey.put(t.key(), t);
        if (t.idempotencyKey() != null) {
          fetchedByIdempotencyKey.putIfAbsent(t.idempotencyKey(), t);
        }
      }
    }
    changed.forEach(byKey::putIfAbsent);
    for (Candidate c : unlinked) {
      TicketSnapshot found = SyncEngine.foundFor(c.draft(), byIdempotencyKey);
      if (found != null) {
        actions.add(new Adopt(c.ref(), found, c.draft()));
      } else if (c.link() != null && insideRecoveryWindow(c.link())) {
        actions.add(new Recover(c.ref(), c.draft()));
      } else {
        actions.add(new Create(c.ref(), c.draft()));
      }
    }
    for (Candidate candidate : toRead) {
      Candidate c = candidate;
      TicketSnapshot ticket = byKey.get(c.link().key());
      if (ticket == null) {
        // A tracker answers the old key of a moved ticket with the ticket under its new key: it
        // carries this item's idempotency key.
        TicketSnapshot moved = SyncEngine.foundFor(c.draft(), fetchedByIdempotencyKey);
        if (moved == null) {
          // One that carries none of the item's keys yet (a ticket named in the document, moved
          // before a sync labelled it) is told apart from a deleted one by asking for it alone.
          moved = answeredUnderAnotherKey(c.link().key(), retrier);
        }
        if (moved == null && CitedTickets.unconfirmed(c.item(), c.link())) {
          actions.add(new PlannedAction.ReferenceNotFound(c.ref(), c.link().key()));
          actions.add(new Create(c.ref(), c.draft()));
          continue;
        }
        if (moved == null) {
          // Adapters leave a ticket out of fetch only when a direct read said it is gone.
          actions.add(new MarkDeleted(c.ref(), c.link().key()));
          continue;
        }
        actions.add(new Moved(c.ref(), c.link().key(), moved));
        c = new Candidate(c.postmortem(), c.item(), c.link().movedTo(moved.key(), moved.url()), c.draft());
        ticket = moved;
      }
      read.readFor(c.ref(), ticket);
      if (FieldDiff.olderThanLastSeen(c.link(), ticket)) {
        LOG.debug("{} read back older than last seen (a lagging search); compared again next run", c.link().key());
        unchanged++;
        continue;
      }
      List<PlannedAction> diff =
          FieldDiff.diff(c.ref(), c.draft(), c.link(), ticket, options.conflicts(), tracker.capabilities());
      if (diff.isEmpty()) {
        unchanged++;
      }
      actions.addAll(diff);
    }
    return new Planned(new SyncPlan(tracker.type(), clock.instant(), actions, unchanged, deleted, scope.mode()), read);
  }

  /** Sorts the stored items into those without a ticket yet, those with one, and those whose ticket is gone. */
  private void collect(PlanScope scope, List<Candidate> unlinked, List<Candidate> linked, List<DeletedTicket> deleted) {
    boolean targeted = scope.mode() == SyncMode.TARGETED;
    for (StoredPostmortem stored : store.findAll()) {
      Postmortem p = stored.postmortem();
      for (ActionItem item : p.actionItems()) {
        if (item.missingFromSource()) {
          continue;
        }
        TicketLink link = SyncRun.link(item, tracker.type());
        if (targeted && (link == null || link.isPending() || link.isDeleted() || !scope.ticketKeys().contains(link.key()))) {
          continue;
        }
        Candidate c = new Candidate(p, item, link, ItemDrafts.draft(p, item, options.labels(), tracker));
        if (c.link() != null && c.link().isDeleted()) {
          if (!item.status().isClosed()) {
            deleted.add(new DeletedTicket(c.ref(), c.link().key()));
          }
        } else {
          (c.link() == null || c.link().isPending() ? unlinked : linked).add(c);
        }
      }
    }
  }

  /** The ticket a tracker answers, alone, for a key it no longer has; {@code null} when it answers none. */
  private TicketSnapshot answeredUnderAnotherKey(String key, Retrier retrier) {
    List<TicketSnapshot> answer = retrier.call(() -> tracker.fetch(List.of(key)));
    return answer.size() == 1 && !answer.get(0).key().equals(key) ? answer.get(0) : null;
  }

  /** Tickets carrying the candidates' current or former keys, by the key they carry. */
  private Map<String, TicketSnapshot> findByKeys(List<Candidate> unlinked, Retrier retrier) {
    List<String> keys = new ArrayList<>();
    for (Candidate c : unlinked) {
      keys.add(c.draft().idempotencyKey());
      keys.addAll(c.draft().formerKeys());
    }
    Map<String, TicketSnapshot> found = new HashMap<>();
    for (TicketSnapshot t : retrier.call(() -> tracker.findByKeys(keys))) {
      TicketSnapshot other = found.putIfAbsent(t.idempotencyKey(), t);
      if (other != null) {
        LOG.warn("tickets {} and {} both carry {}; keeping {}", other.key(), t.key(), t.idempotencyKey(), other.key());
      }
    }
    return found;
  }

  /** Whether a search may still miss the ticket of a create whose outcome became unknown at that time. */
  private boolean insideRecoveryWindow(TicketLink pending) {
    Duration window = tracker.capabilities().recoveryWindow();
    return !window.isZero() && pending.createRequestedAt().plus(window).isAfter(clock.instant());
  }

  private record Candidate(Postmortem postmortem, ActionItem item, TicketLink link, TicketDraft draft) {
    ItemRef ref() {
      return new ItemRef(postmortem.id(), item.id(), item.title());
    }
  }
}
