package dev.followthrough.core.internal;

import dev.followthrough.core.model.Postmortem;
import dev.followthrough.core.store.ActionStore;
import dev.followthrough.core.store.StaleVersionException;
import dev.followthrough.core.store.StoredPostmortem;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** {@link ActionStore} in a map; nothing survives the object. */
final class InMemoryActionStore implements ActionStore {
  private final Clock clock;
  private final Map<String, StoredPostmortem> records = new TreeMap<>();
  private final Map<String, dev.followthrough.core.store.SyncState> syncStates = new TreeMap<>();
  // A semaphore, not a reentrant lock: a second run on the same thread must be refused too.
  private final java.util.concurrent.Semaphore runLock = new java.util.concurrent.Semaphore(1);

  InMemoryActionStore(Clock clock) {
    this.clock = clock;
  }

  @Override
  public synchronized Optional<StoredPostmortem> find(String postmortemId) {
    return Optional.ofNullable(records.get(postmortemId));
  }

  @Override
  public synchronized List<StoredPostmortem> findAll() {
    return List.copyOf(records.values());
  }

  @Override
  public synchronized StoredPostmortem insert(Postmortem postmortem) {
    StoredPostmortem existing = records.get(postmortem.id());
    if (existing != null) {
      throw new StaleVersionException(postmortem.id(), 0, existing.version());
    }
    return put(postmortem, 1);
  }

  @Override
  public synchronized StoredPostmortem update(Postmortem postmortem, long expectedVersion) {
    StoredPostmortem existing = records.get(postmortem.id());
    long actual = existing == null ? 0 : existing.version();
    if (actual != expectedVersion) {
      throw new StaleVersionException(postmortem.id(), expectedVersion, actual);
    }
    return put(postmortem, actual + 1);
  }

  private StoredPostmortem put(Postmortem postmortem, long version) {
    StoredPostmortem stored = new StoredPostmortem(postmortem, version, clock.instant());
    records.put(postmortem.id(), stored);
    return stored;
  }

  private final Map<String, java.time.Instant> deliveries = new java.util.HashMap<>();

  @Override
  public synchronized boolean recordDelivery(String source, String deliveryId, java.time.Instant receivedAt,
      java.time.Duration retention) {
    java.time.Instant oldest = receivedAt.minus(retention);
    deliveries.values().removeIf(at -> at.isBefore(oldest));
    return deliveries.putIfAbsent(source + "\n" + deliveryId, receivedAt) == null;
  }

  @Override
  public synchronized Optional<dev.followthrough.core.store.SyncState> syncState(String trackerScope) {
    return Optional.ofNullable(syncStates.get(trackerScope));
  }

  @Override
  public synchronized void saveSyncState(String trackerScope, dev.followthrough.core.store.SyncState state) {
    syncStates.put(trackerScope, java.util.Objects.requireNonNull(state));
  }

  @Override
  public Optional<RunLock> tryLockRun() {
    if (!runLock.tryAcquire()) {
      return Optional.empty();
    }
    java.util.concurrent.atomic.AtomicBoolean released = new java.util.concurrent.atomic.AtomicBoolean();
    return Optional.of(() -> {
      if (released.compareAndSet(false, true)) {
        runLock.release();
      }
    });
  }

  @Override
  public String describe() {
    return "in-memory store";
  }
}
