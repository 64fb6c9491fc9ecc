package dev.followthrough.server;

import dev.followthrough.core.store.ActionStore;
import dev.followthrough.core.store.StoredPostmortem;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells pages when the store changed: a fingerprint of every postmortem's id and version, compared
 * after each of the server's own syncs and, while someone listens, every {@code interval} (for
 * changes other processes make, such as an {@code import}). Thread-safe.
 */
final class StoreWatch implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(StoreWatch.class);

  private final ActionStore store;
  private final Duration interval;
  private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
  private ScheduledExecutorService poller;
  private long fingerprint;
  private long version;

  StoreWatch(ActionStore store, Duration interval) {
    this.store = store;
    this.interval = interval;
    this.fingerprint = read();
  }

  synchronized long version() {
    return version;
  }

  synchronized void onChange(Runnable listener) {
    listeners.add(listener);
    if (poller == null && !interval.isZero()) {
      poller = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "followthrough-store-watch");
        t.setDaemon(true);
        return t;
      });
      poller.scheduleWithFixedDelay(this::check, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  /** Looks at the store now; raises the version and tells the listeners when it changed. */
  void check() {
    long now;
    try {
      now = read();
    } catch (RuntimeException e) {
      LOG.debug("store unreadable for now: {}", e.getMessage());
      return;
    }
    synchronized (this) {
      if (now == fingerprint) {
        return;
      }
      fingerprint = now;
      version++;
    }
    for (Runnable listener : listeners) {
      try {
        listener.run();
      } catch (RuntimeException e) {
        LOG.debug("a store listener failed: {}", e.getMessage());
      }
    }
  }

  private long read() {
    long h = 17;
    for (StoredPostmortem p : store.findAll()) {
      h = h * 31 + p.id().hashCode() * 1_000_003L + p.version();
      h = h * 31 + p.updatedAt().hashCode();
    }
    return h;
  }

  @Override
  public synchronized void close() {
    if (poller != null) {
      poller.shutdownNow();
    }
  }
}
