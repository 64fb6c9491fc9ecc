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
import java.util.Objects;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps action items and their tickets in step, like a controller: read both sides in batches,
 * {@link #plan()} the changes, {@link #apply} them.
 *
 * <p>Zero duplicates: the intent to create is stored before the create call, and an item with
 * such an intent is looked for by its idempotency key before anything is created again. A create
 * whose outcome is unknown is never resent: it is settled only by finding its ticket, or by not
 * finding it once the tracker's recovery window has passed. One failing item never stops the
 * others. Not thread-safe; {@link #sync()} and {@link #apply} hold the store's run lock, and ask
 * before each tracker write whether it is still held: a run that lost it (its database session
 * ended, say) stops, listing what it left undone as failures.
 */
public final class SyncEngine {
  private static final Logger LOG = LoggerFactory.getLogger(SyncEngine.class);

  private final ActionStore store;
  private final Tracker tracker;
  private final Clock clock;
  private final SyncOptions options;
  private final Sleeper sleeper;
  private final SyncListener listener;
  private final RandomGenerator random;

  private SyncEngine(Builder b) {
    this.store = b.store;
    this.tracker = b.tracker;
    this.clock = b.clock;
    this.options = b.options;
    this.sleeper = b.sleeper;
    this.listener = b.listener;
    this.random = b.random;
  }

  public static Builder builder(ActionStore store, Tracker tracker) {
    return new Builder(store, tracker);
  }

  /**
   * Takes the store's run lock, plans and applies, then asks on the closed ticket of each item whose
   * verification fell due whether its fix worked.
   */
  public SyncResult sync() {
    try (ActionStore.RunLock lock = runLock()) {
      RunLockWatch watch = new RunLockWatch(lock);
      return new VerificationReminders(store, tracker, clock, watch).post(run(plan(), watch));
    }
  }

  /**
   * Carries out a plan made by {@link #plan()}, under the store's run lock, so that it never
   * overlaps another sync of the same store.
   *
   * @throws SyncInProgressException when another sync holds the lock
   */
  SyncResult apply(SyncPlan plan) {
    try (ActionStore.RunLock lock = runLock()) {
      return run(plan, new RunLockWatch(lock));
    }
  }

  private ActionStore.RunLock runLock() {
    return store.tryLockRun().orElseThrow(() -> new SyncInProgressException(store.describe()));
  }

  /** What a sync would do now; reads the store and the tracker, changes nothing. */
  public SyncPlan plan() {
    Retrier retrier = new Retrier(options.retry(), clock, sleeper, random, clock.instant().plus(options.timeBudget()));
    List<Candidate> unlinked = new ArrayList<>();
    List<Candidate> linked = new ArrayList<>();
    List<DeletedTicket> deleted = new ArrayList<>();
    for (StoredPostmortem stored : store.findAll()) {
      Postmortem p = stored.postmortem();
      for (ActionItem item : p.actionItems()) {
        if (item.missingFromSource()) {
          continue;
        }
        Candidate c = new Candidate(p, item, link(item), ItemDrafts.draft(p, item, options.labels(), tracker.capabilities()));
        if (c.link() != null && c.link().isDeleted()) {
          if (!item.status().isClosed()) {
            deleted.add(new DeletedTicket(c.ref(), c.link().key()));
          }
        } else {
          (c.link() == null || c.link().isPending() ? unlinked : linked).add(c);
        }
      }
    }
    Map<String, TicketSnapshot> byIdempotencyKey = unlinked.isEmpty() ? Map.of() : findByKeys(unlinked, retrier);
    Map<String, TicketSnapshot> byKey = new HashMap<>();
    Map<String, TicketSnapshot> fetchedByIdempotencyKey = new HashMap<>();
    if (!linked.isEmpty()) {
      List<String> keys = linked.stream().map(c -> c.link().key()).toList();
      for (TicketSnapshot t : retrier.call(() -> tracker.fetch(keys))) {
        byKey.put(t.key(), t);
        if (t.idempotencyKey() != null) {
          fetchedByIdempotencyKey.putIfAbsent(t.idempotencyKey(), t);
        }
      }
    }
    List<PlannedAction> actions = new ArrayList<>();
    for (Candidate c : unlinked) {
      TicketSnapshot found = foundFor(c.draft(), byIdempotencyKey);
      if (found != null) {
        actions.add(new Adopt(c.ref(), found, c.draft()));
      } else if (c.link() != null && insideRecoveryWindow(c.link())) {
        actions.add(new Recover(c.ref(), c.draft()));
      } else {
        actions.add(new Create(c.ref(), c.draft()));
      }
    }
    int unchanged = 0;
    for (Candidate candidate : linked) {
      Candidate c = candidate;
      TicketSnapshot ticket = byKey.get(c.link().key());
      if (ticket == null) {
        // A tracker answers the old key of a moved ticket with the ticket under its new key: it
        // carries this item's idempotency key.
        TicketSnapshot moved = foundFor(c.draft(), fetchedByIdempotencyKey);
        if (moved == null) {
          // One that carries none of the item's keys yet (a ticket named in the document, moved
          // before a sync labelled it) is told apart from a deleted one by asking for it alone.
          moved = answeredUnderAnotherKey(c.link().key(), retrier);
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
    return new SyncPlan(tracker.type(), clock.instant(), actions, unchanged, deleted);
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

  /** The ticket carrying the draft's key, else one carrying a former key. */
  static TicketSnapshot foundFor(TicketDraft draft, Map<String, TicketSnapshot> byIdempotencyKey) {
    TicketSnapshot found = byIdempotencyKey.get(draft.idempotencyKey());
    for (int i = 0; found == null && i < draft.formerKeys().size(); i++) {
      found = byIdempotencyKey.get(draft.formerKeys().get(i));
    }
    return found;
  }

  /** Whether a search may still miss the ticket of a create whose outcome became unknown at that time. */
  private boolean insideRecoveryWindow(TicketLink pending) {
    Duration window = tracker.capabilities().recoveryWindow();
    return !window.isZero() && pending.createRequestedAt().plus(window).isAfter(clock.instant());
  }

  private SyncResult run(SyncPlan plan, RunLockWatch lock) {
    SyncRun run = new SyncRun(plan, store, tracker, clock, options, sleeper, listener, random, lock);
    SyncRun.safely(() -> listener.runStarted(plan));
    run.execute();
    SyncResult result = run.result();
    SyncRun.safely(() -> listener.runFinished(result));
    return result;
  }

  private TicketLink link(ActionItem item) {
    return SyncRun.link(item, tracker.type());
  }

  private record Candidate(Postmortem postmortem, ActionItem item, TicketLink link, TicketDraft draft) {
    ItemRef ref() {
      return new ItemRef(postmortem.id(), item.id(), item.title());
    }
  }

  /** Builds a {@link SyncEngine}. */
  public static final class Builder {
    private final ActionStore store;
    private final Tracker tracker;
    private Clock clock = Clock.systemUTC();
    private SyncOptions options = SyncOptions.defaults();
    private Sleeper sleeper = Sleeper.REAL;
    private SyncListener listener = SyncListener.NONE;
    private RandomGenerator random = new java.util.Random();

    private Builder(ActionStore store, Tracker tracker) {
      this.store = Objects.requireNonNull(store, "store");
      this.tracker = Objects.requireNonNull(tracker, "tracker");
    }

    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock);
      return this;
    }

    public Builder options(SyncOptions options) {
      this.options = Objects.requireNonNull(options);
      return this;
    }

    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper);
      return this;
    }

    public Builder listener(SyncListener listener) {
      this.listener = Objects.requireNonNull(listener);
      return this;
    }

    /** The source of retry jitter; tests pass a seeded one. */
    public Builder random(RandomGenerator random) {
      this.random = Objects.requireNonNull(random);
      return this;
    }

    public SyncEngine build() {
      return new SyncEngine(this);
    }
  }
}
