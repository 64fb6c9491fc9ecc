package dev.followthrough.core.sync;

import dev.followthrough.core.tracker.ChangeFeed;
import java.time.Instant;
import java.util.Set;

/**
 * Which linked tickets a plan reads: all of them, the changes a feed lists since an instant, or
 * tickets named by key.
 *
 * @param since for an incremental plan, the tracker time its feed is read from
 * @param ticketKeys for a targeted plan, the tickets to read
 */
record PlanScope(SyncMode mode, ChangeFeed feed, Instant since, Set<String> ticketKeys) {
  PlanScope {
    ticketKeys = ticketKeys == null ? Set.of() : Set.copyOf(ticketKeys);
  }

  static PlanScope full() {
    return new PlanScope(SyncMode.FULL, null, null, null);
  }

  static PlanScope incremental(ChangeFeed feed, Instant since) {
    return new PlanScope(SyncMode.INCREMENTAL, feed, since, null);
  }

  static PlanScope targeted(Set<String> ticketKeys) {
    return new PlanScope(SyncMode.TARGETED, null, null, ticketKeys);
  }
}
