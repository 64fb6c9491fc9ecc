package dev.followthrough.core.sync;

import dev.followthrough.core.tracker.TicketSnapshot;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * What a plan read from the tracker that the watermark depends on: when the read began (this
 * machine's clock), whether the change feed listed anything, and each planned item's ticket change
 * time, so that a run never moves the watermark past a change it failed to store.
 */
final class ReadTickets {
  private final Instant startedAt;
  private final Map<String, Instant> updatedByItem = new HashMap<>();
  private boolean listedChanges;

  ReadTickets(Instant startedAt) {
    this.startedAt = startedAt;
  }

  /** A ticket the change feed listed. */
  void listed(TicketSnapshot ticket) {
    listedChanges = true;
  }

  /** The ticket read for an item, from the feed or a fetch. */
  void readFor(ItemRef item, TicketSnapshot ticket) {
    if (ticket.updatedAt() != null) {
      updatedByItem.put(item.toString(), ticket.updatedAt());
    }
  }

  Instant startedAt() {
    return startedAt;
  }

  boolean listedChanges() {
    return listedChanges;
  }

  /** The change time of the ticket read for an item, or {@code null}. */
  Instant updatedFor(ItemRef item) {
    return updatedByItem.get(item.toString());
  }
}
