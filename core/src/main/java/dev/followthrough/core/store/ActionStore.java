package dev.followthrough.core.store;

import dev.followthrough.core.internal.EmbeddedStores;
import dev.followthrough.core.model.Postmortem;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Where postmortems and their action items are kept between runs.
 *
 * <p>Updates are optimistic: each record carries a version, and an update names the version it
 * was based on. Implementations are thread-safe.
 */
public interface ActionStore extends AutoCloseable {

  /** A store that lives only as long as the object, for tests and embedding. */
  static ActionStore inMemory() {
    return EmbeddedStores.inMemory(Clock.systemUTC());
  }

  /**
   * The embedded default: a directory of JSON files, created on the first write. Writers in any
   * process take turns through a file lock, waiting up to 10 seconds for it.
   */
  static ActionStore directory(Path dir) {
    return directory(dir, Duration.ofSeconds(10), Clock.systemUTC());
  }

  /**
   * The directory store with a chosen lock wait ({@link Duration#ZERO} fails at once when another
   * writer holds the lock) and clock.
   */
  static ActionStore directory(Path dir, Duration lockWait, Clock clock) {
    return EmbeddedStores.directory(dir, lockWait, clock);
  }

  Optional<StoredPostmortem> find(String postmortemId);

  /** Every stored postmortem, ordered by id. */
  List<StoredPostmortem> findAll();

  /**
   * The action items that match a query, ordered by postmortem id and then as in their postmortem.
   * This default filters {@link #findAll()}; a store that can select items without reading every
   * postmortem overrides it, and must answer exactly as this does.
   */
  default List<ItemRow> findItems(ItemQuery query) {
    List<ItemRow> rows = new java.util.ArrayList<>();
    for (StoredPostmortem stored : findAll()) {
      if (query.postmortemId() != null && !query.postmortemId().equals(stored.id())) {
        continue;
      }
      for (var item : stored.postmortem().actionItems()) {
        if (query.matches(stored.id(), item)) {
          rows.add(new ItemRow(stored.id(), item));
        }
      }
    }
    return List.copyOf(rows);
  }

  /**
   * What a report reads: this default loads every postmortem ({@link ReportData#of}); a store that
   * can count and select items in a query overrides it, and must answer as this does.
   */
  default ReportData reportData() {
    return ReportData.of(findAll().stream().map(StoredPostmortem::postmortem).toList());
  }

  /**
   * Stores a new postmortem at version 1.
   *
   * @throws StaleVersionException when one with the same id exists already
   */
  StoredPostmortem insert(Postmortem postmortem);

  /**
   * Replaces a stored postmortem.
   *
   * @param expectedVersion the version the change was based on
   * @throws StaleVersionException when the stored version differs (someone else changed it)
   */
  StoredPostmortem update(Postmortem postmortem, long expectedVersion);

  /**
   * Changes a stored postmortem by a function of its current version, applied again on top of a
   * newer version when another writer got there first, so that neither change is lost.
   *
   * @return the saved version, or empty when no such postmortem is stored
   * @throws StaleVersionException when other writers kept winning for ten attempts
   */
  default Optional<StoredPostmortem> modify(String postmortemId, java.util.function.UnaryOperator<Postmortem> change) {
    for (int attempt = 1; ; attempt++) {
      Optional<StoredPostmortem> stored = find(postmortemId);
      if (stored.isEmpty()) {
        return stored;
      }
      Postmortem changed = change.apply(stored.get().postmortem());
      if (changed.equals(stored.get().postmortem())) {
        return stored;
      }
      try {
        return Optional.of(update(changed, stored.get().version()));
      } catch (StaleVersionException e) {
        if (attempt == 10) {
          throw e;
        }
        // A random pause, growing with each loss, so that writers racing in step fall out of step.
        try {
          Thread.sleep(java.util.concurrent.ThreadLocalRandom.current().nextLong(1, 1 + 5L * attempt));
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw e;
        }
      }
    }
  }

  /**
   * Opens a batch of writes for the calling thread: what it writes through this handle becomes
   * durable together at {@link Batch#commit()}, with one flush for the batch, and other handles
   * see it only then. Closing the batch drops what was written since its last commit, which was
   * never acknowledged. This default writes through: every write is durable when it returns.
   */
  default Batch batch() {
    return new Batch() {
      @Override
      public void commit() {}

      @Override
      public void close() {}
    };
  }

  /** A batch of writes from {@link #batch()}. */
  interface Batch extends AutoCloseable {
    /** Makes every write of the batch so far durable: when it returns, they survive a crash. */
    void commit();

    /** Ends the batch; writes made since the last commit are dropped. */
    @Override
    void close();
  }

  /**
   * The sync state kept for a tracker, by the scope its change feed names; empty when none was
   * stored. This default keeps none, which makes every sync of such a store a full reconciliation.
   */
  default Optional<SyncState> syncState(String trackerScope) {
    return Optional.empty();
  }

  /**
   * Stores a tracker's sync state, replacing the one before, in one write that survives a crash
   * whole or not at all. The sync calls it holding the run lock. This default keeps nothing.
   */
  default void saveSyncState(String trackerScope, SyncState state) {}

  /**
   * Takes the store's run lock without waiting, so that only one sync at a time works on this
   * store, across processes too for the directory store. Empty when another run holds it.
   */
  Optional<RunLock> tryLockRun();

  /** A held run lock; closing releases it. */
  interface RunLock extends AutoCloseable {
    /**
     * Fails when the lock is no longer held, such as when the session or lease that held it ended
     * while the run went on. The sync asks before each tracker write, so it must be cheap; once it
     * has failed, it keeps failing. This default suits a lock that cannot be lost while its holder
     * lives (a lock in this process, or an OS file lock).
     *
     * @throws RunLockLostException when another run may hold the lock now
     */
    default void checkHeld() {}

    @Override
    void close();
  }

  /**
   * Records a webhook delivery by its tracker's id, so that a redelivery changes nothing: true the
   * first time {@code (source, deliveryId)} is seen, false when it was recorded already. Ids
   * received more than {@code retention} before {@code receivedAt} are forgotten on the way, which
   * bounds what is kept. Atomic across every handle on the store, other processes included.
   *
   * @throws UnsupportedOperationException from a store that keeps no deliveries (this default)
   */
  default boolean recordDelivery(String source, String deliveryId, java.time.Instant receivedAt, Duration retention) {
    throw new UnsupportedOperationException(describe() + " keeps no webhook deliveries");
  }

  /** Names the store in messages, such as its directory. */
  String describe();

  @Override
  default void close() {}
}
