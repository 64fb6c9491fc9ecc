package dev.followthrough.core.sync;

import dev.followthrough.core.store.ActionStore;
import dev.followthrough.core.store.SyncState;
import dev.followthrough.core.tracker.ChangeFeed;
import dev.followthrough.core.tracker.Tracker;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chooses between an incremental sync and a full reconciliation, and moves the tracker's
 * watermark once a run has stored what it pulled.
 *
 * <p>A sync is full when forced, when the tracker has no change feed or the store keeps no
 * watermark for it, when {@link SyncOptions#fullEvery()} has passed since the last full one, and
 * when the watermark lies further ahead of this machine's clock than the overlap allows (the
 * tracker's clock jumped, or the state came from elsewhere): from such a watermark, changes
 * stamped by the tracker's true clock would fall before the read.
 */
final class Watermarks {
  private static final Logger LOG = LoggerFactory.getLogger(Watermarks.class);

  private final ActionStore store;
  private final Tracker tracker;
  private final SyncOptions options;
  private final Clock clock;

  Watermarks(ActionStore store, Tracker tracker, SyncOptions options, Clock clock) {
    this.store = store;
    this.tracker = tracker;
    this.options = options;
    this.clock = clock;
  }

  PlanScope scope(boolean forceFull) {
    Optional<ChangeFeed> feed = tracker.changeFeed();
    if (forceFull || feed.isEmpty()) {
      return PlanScope.full();
    }
    Optional<SyncState> state = store.syncState(feed.get().scope());
    Instant now = clock.instant();
    Duration overlap = overlap(feed.get());
    if (state.isEmpty()) {
      LOG.info("no watermark stored for {}: a full reconciliation", feed.get().scope());
      return PlanScope.full();
    }
    if (!state.get().lastFullAt().plus(options.fullEvery()).isAfter(now)) {
      return PlanScope.full();
    }
    if (state.get().watermark().isAfter(now.plus(overlap))) {
      LOG.warn("the watermark {} of {} is ahead of this clock by more than the overlap: a full reconciliation",
          state.get().watermark(), feed.get().scope());
      return PlanScope.full();
    }
    return PlanScope.incremental(feed.get(), state.get().watermark().minus(overlap));
  }

  /**
   * Stores the watermark after a run: the newest change read, but never later than the read's
   * start (a ticket changed while a long read went on may have been passed over) nor at or past
   * the change of an item the run failed to store. Call it only after the run wrote its pulls.
   */
  void advance(PlanScope scope, ReadTickets read, SyncResult result) {
    Optional<ChangeFeed> feed = tracker.changeFeed();
    if (feed.isEmpty() || scope.mode() == SyncMode.TARGETED) {
      return;
    }
    Optional<SyncState> before = store.syncState(feed.get().scope());
    Instant candidate = read.newest() == null || read.newest().isAfter(read.startedAt()) ? read.startedAt() : read.newest();
    if (scope.mode() == SyncMode.INCREMENTAL && read.newest() == null) {
      candidate = null;
    }
    for (SyncResult.Failure failure : result.failures()) {
      Instant failedChange = read.updatedFor(failure.item());
      if (failedChange != null && candidate != null && !failedChange.isAfter(candidate)) {
        candidate = failedChange.minusMillis(1);
      }
    }
    Instant watermark;
    Instant lastFullAt;
    if (scope.mode() == SyncMode.FULL) {
      watermark = candidate;
      lastFullAt = read.startedAt();
    } else {
      Instant old = before.map(SyncState::watermark).orElse(null);
      watermark = candidate == null || (old != null && old.isAfter(candidate)) ? old : candidate;
      lastFullAt = before.map(SyncState::lastFullAt).orElse(null);
    }
    if (watermark != null && lastFullAt != null) {
      store.saveSyncState(feed.get().scope(), new SyncState(watermark, lastFullAt));
    }
  }

  private Duration overlap(ChangeFeed feed) {
    return options.overlap() != null ? options.overlap() : feed.overlap();
  }
}
