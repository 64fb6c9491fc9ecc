package dev.followthrough.core.sync;

import dev.followthrough.core.store.ActionStore;
import dev.followthrough.core.store.SyncState;
import dev.followthrough.core.tracker.ChangeFeed;
import dev.followthrough.core.tracker.Tracker;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
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
   * Stores the watermark after a run, once the run wrote its pulls. The watermark is the time the
   * read began: every change the tracker stamped more than the overlap before it was visible to the
   * read, since the overlap exceeds search lag plus clock skew. It moves only when the feed listed
   * something (or the run was full), so while nothing changes the next read asks for the same
   * instant, which lets a tracker answer "not modified". It never moves past the change of an item
   * whose change this run failed to store: that change is read again next time.
   */
  void advance(PlanScope scope, ReadTickets read, SyncResult result) {
    Optional<ChangeFeed> feed = tracker.changeFeed();
    if (feed.isEmpty() || scope.mode() == SyncMode.TARGETED) {
      return;
    }
    Optional<SyncState> before = store.syncState(feed.get().scope());
    boolean full = scope.mode() == SyncMode.FULL;
    if (!full && (before.isEmpty() || !read.listedChanges())) {
      return;
    }
    Instant watermark = read.startedAt();
    if (!full && before.get().watermark().isAfter(watermark)) {
      watermark = before.get().watermark();
    }
    for (SyncResult.Failure failure : result.failures()) {
      Instant failedChange = read.updatedFor(failure.item());
      if (failedChange != null && failedChange.isBefore(watermark)) {
        watermark = failedChange;
      }
    }
    Instant lastFullAt = full ? read.startedAt() : before.get().lastFullAt();
    store.saveSyncState(feed.get().scope(),
        new SyncState(watermark.truncatedTo(ChronoUnit.MILLIS), lastFullAt.truncatedTo(ChronoUnit.MILLIS)));
  }

  private Duration overlap(ChangeFeed feed) {
    return options.overlap() != null ? options.overlap() : feed.overlap();
  }
}
