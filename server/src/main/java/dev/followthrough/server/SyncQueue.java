package dev.followthrough.server;

import dev.followthrough.core.store.ActionStore;
import dev.followthrough.core.sync.ItemRef;
import dev.followthrough.core.sync.SyncResult;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The tickets webhooks named, waiting to be re-read, and the backstop sync. Keys offered several
 * times before their turn are read once; all keys due are read in one targeted sync, which takes
 * the store's run lock itself (so it never overlaps {@code schedule}, {@code sync} or another
 * server on the same store). Keys whose run could not happen (the lock was busy, the tracker
 * failed) or whose item failed are kept and tried again after a growing delay. A key whose read
 * changed nothing may have been read from a search that has not caught up with the change the
 * webhook announced, so it is read again, later, until {@code lagWindow} has passed since the
 * delivery. Every {@code backstop} interval an incremental sync runs, which catches what no
 * webhook reported.
 *
 * <p>{@link #offer} is thread-safe and never blocks; {@link #runDue} does the work of one turn and
 * is called by one thread at a time: the worker {@link #start()} starts, or a test.
 */
public final class SyncQueue implements AutoCloseable {
  /** The syncs a queue runs; both take the store's run lock and throw when it is busy. */
  public interface Syncs {
    /** A targeted sync of these keys, as {@code SyncEngine.syncTickets}. */
    SyncResult syncTickets(Set<String> keys);

    /** The backstop, as {@code SyncEngine.sync()}. */
    SyncResult syncChanged();
  }

  /** What one turn of the queue did. */
  public record Turn(Kind kind, Set<String> keys, SyncResult result, RuntimeException error) {
    public enum Kind { TARGETED, BACKSTOP }

    public boolean failed() {
      return error != null || (result != null && !result.succeeded());
    }
  }

  /** Told of each turn, on the thread that ran it; must not throw. */
  @FunctionalInterface
  public interface Listener {
    void ran(Turn turn);
  }

  private final Syncs syncs;
  private final ActionStore store;
  private final String trackerType;
  private final Clock clock;
  private final Duration backstop;
  private final Listener listener;
  private final PendingKeys pending;
  private Instant nextBackstop;
  private boolean stopped;
  private Thread worker;

  private SyncQueue(Builder b) {
    this.syncs = b.syncs;
    this.store = b.store;
    this.trackerType = b.trackerType;
    this.clock = b.clock;
    this.pending = new PendingKeys(b.firstBackoff, b.maxBackoff, b.firstLagCheck, b.lagWindow);
    this.backstop = b.backstop;
    this.listener = b.listener;
    this.nextBackstop = backstop == null ? null : clock.instant().plus(backstop);
  }

  /**
   * @param store the store the syncs work on, read to tell which keys its items link
   * @param trackerType the tracker whose keys are offered
   */
  public static Builder builder(Syncs syncs, ActionStore store, String trackerType, Clock clock) {
    return new Builder(syncs, store, trackerType, clock);
  }

  /** Queues keys for a re-read as soon as the worker is free; a key queued already is due now. */
  public synchronized void offer(Collection<String> keys) {
    pending.offer(keys, clock.instant());
    notifyAll();
  }

  /** The keys waiting, in the order they were first offered. */
  public synchronized Set<String> pending() {
    return pending.keys();
  }

  /** When the next turn is due: the earliest key's time or the backstop's; empty when none is. */
  public synchronized Optional<Instant> nextDue() {
    Instant next = pending.nextDue().orElse(null);
    if (nextBackstop != null && (next == null || nextBackstop.isBefore(next))) {
      next = nextBackstop;
    }
    return Optional.ofNullable(next);
  }

  /** Runs what is due now: the backstop when its time came, else one targeted sync of the due keys. */
  public Optional<Turn> runDue() {
    Instant now = clock.instant();
    boolean backstopDue;
    Set<String> keys;
    synchronized (this) {
      backstopDue = nextBackstop != null && !nextBackstop.isAfter(now);
      keys = backstopDue ? Set.of() : pending.due(now);
    }
    if (backstopDue) {
      return Optional.of(runBackstop(now));
    }
    return keys.isEmpty() ? Optional.empty() : Optional.of(runTargeted(keys));
  }

  private Turn runBackstop(Instant now) {
    Turn turn;
    try {
      turn = new Turn(Turn.Kind.BACKSTOP, Set.of(), syncs.syncChanged(), null);
    } catch (RuntimeException e) {
      turn = new Turn(Turn.Kind.BACKSTOP, Set.of(), null, e);
    }
    synchronized (this) {
      // The next slot after now: a run longer than the interval is not followed by the missed ones.
      Instant after = clock.instant();
      while (!nextBackstop.isAfter(after)) {
        nextBackstop = nextBackstop.plus(backstop);
      }
    }
    tell(turn);
    return turn;
  }

  private Turn runTargeted(Set<String> keys) {
    Map<String, List<ItemRef>> linked = linkedItems(keys);
    Turn turn;
    try {
      turn = new Turn(Turn.Kind.TARGETED, Set.copyOf(keys), syncs.syncTickets(keys), null);
    } catch (RuntimeException e) {
      turn = new Turn(Turn.Kind.TARGETED, Set.copyOf(keys), null, e);
    }
    synchronized (this) {
      pending.settle(keys, linked, turn.result(), turn.error() != null, clock.instant());
    }
    tell(turn);
    return turn;
  }

  /** The items of the store that link each key, for telling a key read from one that failed. */
  private Map<String, List<ItemRef>> linkedItems(Set<String> keys) {
    Map<String, List<ItemRef>> linked = new LinkedHashMap<>();
    try {
      for (var stored : store.findAll()) {
        for (var item : stored.postmortem().actionItems()) {
          item.ticketIn(trackerType).filter(l -> keys.contains(l.key())).ifPresent(l -> linked
              .computeIfAbsent(l.key(), k -> new ArrayList<>())
              .add(new ItemRef(stored.id(), item.id(), item.title())));
        }
      }
    } catch (RuntimeException e) {
      // Unreadable for now: the sync will say so; every key is then treated as linked and unread.
      keys.forEach(k -> linked.put(k, List.of(new ItemRef("", k, k))));
    }
    return linked;
  }

  private void tell(Turn turn) {
    try {
      listener.ran(turn);
    } catch (RuntimeException e) {
      // A listener's failure must not stop the queue.
    }
  }

  /** Starts the worker thread that runs turns as they fall due, until {@link #close()}. */
  public synchronized SyncQueue start() {
    if (worker == null) {
      worker = new Thread(this::work, "followthrough-sync-queue");
      worker.setDaemon(true);
      worker.start();
    }
    return this;
  }

  private void work() {
    while (true) {
      synchronized (this) {
        while (!stopped) {
          Optional<Instant> next = nextDue();
          long wait = next.map(n -> Duration.between(clock.instant(), n).toMillis()).orElse(60_000L);
          if (wait <= 0) {
            break;
          }
          try {
            wait(Math.min(wait, 60_000L));
          } catch (InterruptedException e) {
            return;
          }
        }
        if (stopped) {
          return;
        }
      }
      runDue();
    }
  }

  /** Stops the worker once its running sync (if any) has finished, waiting up to {@code timeout}. */
  public void stop(Duration timeout) throws InterruptedException {
    Thread w;
    synchronized (this) {
      stopped = true;
      notifyAll();
      w = worker;
    }
    if (w != null) {
      w.join(timeout.toMillis());
    }
  }

  @Override
  public void close() {
    try {
      stop(Duration.ofMinutes(5));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Builds a {@link SyncQueue}. */
  public static final class Builder {
    private final Syncs syncs;
    private final ActionStore store;
    private final String trackerType;
    private final Clock clock;
    private Duration firstBackoff = Duration.ofSeconds(5);
    private Duration maxBackoff = Duration.ofMinutes(5);
    private Duration firstLagCheck = Duration.ofSeconds(5);
    private Duration lagWindow = Duration.ofMinutes(1);
    private Duration backstop;
    private Listener listener = turn -> {};

    private Builder(Syncs syncs, ActionStore store, String trackerType, Clock clock) {
      this.syncs = Objects.requireNonNull(syncs, "syncs");
      this.store = Objects.requireNonNull(store, "store");
      this.trackerType = Objects.requireNonNull(trackerType, "trackerType");
      this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The delay after a first failure (5 s), tripled after each further one up to {@code max} (5 min). */
    public Builder backoff(Duration first, Duration max) {
      this.firstBackoff = positive(first, "first backoff");
      this.maxBackoff = positive(max, "max backoff");
      return this;
    }

    /**
     * How long a search may lag behind a change (1 min): a key read without a change is read again
     * after {@code firstCheck} (5 s), then three times as long each time, until that long after the
     * delivery.
     */
    public Builder searchLag(Duration firstCheck, Duration window) {
      this.firstLagCheck = positive(firstCheck, "first lag check");
      this.lagWindow = Objects.requireNonNull(window, "window");
      return this;
    }

    /** Runs the backstop incremental sync this often, the first one an interval after the start; {@code null} for none. */
    public Builder backstop(Duration every) {
      this.backstop = every == null ? null : positive(every, "backstop interval");
      return this;
    }

    public Builder listener(Listener listener) {
      this.listener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    public SyncQueue build() {
      return new SyncQueue(this);
    }

    private static Duration positive(Duration d, String what) {
      if (d == null || d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException(what + " must be positive");
      }
      return d;
    }
  }
}
