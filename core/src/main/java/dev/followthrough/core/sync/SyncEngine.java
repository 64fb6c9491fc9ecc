package dev.followthrough.core.sync;

import dev.followthrough.core.store.ActionStore;
import dev.followthrough.core.tracker.TicketDraft;
import dev.followthrough.core.tracker.TicketSnapshot;
import dev.followthrough.core.tracker.Tracker;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.random.RandomGenerator;

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
  private final ActionStore store;
  private final Tracker tracker;
  private final Clock clock;
  private final SyncOptions options;
  private final Sleeper sleeper;
  private final SyncListener listener;
  private final RandomGenerator random;
  private final BeforeDue beforeDue;

  private SyncEngine(Builder b) {
    this.store = b.store;
    this.tracker = b.tracker;
    this.clock = b.clock;
    this.options = b.options;
    this.sleeper = b.sleeper;
    this.listener = b.listener;
    this.random = b.random;
    this.beforeDue = b.beforeDue;
  }

  public static Builder builder(ActionStore store, Tracker tracker) {
    return new Builder(store, tracker);
  }

  /**
   * Takes the store's run lock, plans and applies, then asks on the closed ticket of each item whose
   * verification fell due whether its fix worked, and reminds on the ticket of each open item about
   * to fall due when {@link Builder#beforeDue} asks for it. When the tracker can list its changes and the
   * store holds a watermark, only changed tickets (and those of items changed locally) are read;
   * otherwise, and every {@link SyncOptions#fullEvery()}, every linked ticket is. The result's
   * {@link SyncResult#mode()} says which.
   *
   * @throws SyncInProgressException when another sync holds the lock
   */
  public SyncResult sync() {
    return sync(false);
  }

  /** {@link #sync()} reading every linked ticket, whatever the watermark: a full reconciliation. */
  public SyncResult syncFull() {
    return sync(true);
  }

  private SyncResult sync(boolean forceFull) {
    try (ActionStore.RunLock lock = runLock()) {
      RunLockWatch watch = new RunLockWatch(lock);
      Watermarks watermarks = new Watermarks(store, tracker, options, clock);
      PlanScope scope = watermarks.scope(forceFull);
      Planner.Planned planned = planner().plan(scope);
      SyncResult result = run(planned.plan(), watch);
      // The run's pulls are stored by now: only from here may the watermark pass their changes.
      if (!watch.isLost()) {
        watermarks.advance(scope, planned.read(), result);
      }
      result = new VerificationReminders(store, tracker, clock, watch).post(result);
      return beforeDue.isEmpty() ? result : new DueReminders(store, tracker, clock, beforeDue).post(result, watch);
    }
  }

  /**
   * Syncs only the items whose tickets have these keys (such as those a webhook reported changed):
   * reads those tickets, pulls their status and assignee, pushes their items' local changes, under
   * the store's run lock like {@link #sync()}. Creates nothing and leaves the watermark alone; keys
   * that no stored item links are ignored. The result's mode is {@link SyncMode#TARGETED}.
   *
   * @param ticketKeys the tracker's keys, as {@code list} shows them ({@code OPS-12}, {@code acme/ops#7})
   * @throws SyncInProgressException when another sync holds the lock
   */
  public SyncResult syncTickets(java.util.Collection<String> ticketKeys) {
    java.util.Set<String> keys = java.util.Set.copyOf(ticketKeys);
    try (ActionStore.RunLock lock = runLock()) {
      RunLockWatch watch = new RunLockWatch(lock);
      return run(planner().plan(PlanScope.targeted(keys)).plan(), watch);
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

  /**
   * What a sync would do now, read the way {@link #sync()} would read (incremental or full);
   * reads the store and the tracker, changes nothing.
   */
  public SyncPlan plan() {
    return planner().plan(new Watermarks(store, tracker, options, clock).scope(false)).plan();
  }

  /** The reminders before due dates that {@link #sync()} would post now; changes nothing. */
  public java.util.List<DueReminder> plannedDueReminders() {
    return beforeDue.isEmpty() ? java.util.List.of() : new DueReminders(store, tracker, clock, beforeDue).planned();
  }

  /** What a full reconciliation would do now; changes nothing. */
  public SyncPlan planFull() {
    return planner().plan(PlanScope.full()).plan();
  }

  private Planner planner() {
    return new Planner(store, tracker, clock, options, sleeper, random);
  }

  /** The ticket carrying the draft's key, else one carrying a former key. */
  static TicketSnapshot foundFor(TicketDraft draft, Map<String, TicketSnapshot> byIdempotencyKey) {
    TicketSnapshot found = byIdempotencyKey.get(draft.idempotencyKey());
    for (int i = 0; found == null && i < draft.formerKeys().size(); i++) {
      found = byIdempotencyKey.get(draft.formerKeys().get(i));
    }
    return found;
  }

  private SyncResult run(SyncPlan plan, RunLockWatch lock) {
    SyncRun run = new SyncRun(plan, store, tracker, clock, options, sleeper, listener, random, lock);
    SyncRun.safely(() -> listener.runStarted(plan));
    run.execute();
    SyncResult result = run.result();
    SyncRun.safely(() -> listener.runFinished(result));
    return result;
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
    private BeforeDue beforeDue = BeforeDue.none();

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

    /** Reminders on tickets (and in chat) before open items fall due; none unless set. */
    public Builder beforeDue(BeforeDue reminders) {
      this.beforeDue = Objects.requireNonNull(reminders);
      return this;
    }

    public SyncEngine build() {
      return new SyncEngine(this);
    }
  }
}
