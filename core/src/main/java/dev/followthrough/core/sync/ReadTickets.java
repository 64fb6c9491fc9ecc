package dev.followthrough.core.sync;

import dev.followthrough.core.tracker.TicketSnapshot;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * What a plan read from the tracker that the watermark depends on: when the read began (this
 * machine's clock), the newest change time among the tickets read, and each planned item's ticket
 * change time, so that a run never moves the watermark past a change it failed to store.
 */
final class ReadTickets {
  private final Instant startedAt;
  private final Map<String, Instant> updatedByItem = new HashMap<>();
  private Instant newest;

  ReadTickets(Instant startedAt) {
    this.startedAt = startedAt;
  }

  void read(TicketSnapshot ticket) {
    if (ticket.updatedAt() != null && (newest == null || ticket.updatedAt().isAfter(newest))) {
      newest = ticket.updatedAt();
    }
  }

  void readFor(ItemRef item, TicketSnapshot ticket) {
    read(ticket);
    if (ticket.updatedAt() != null) {
      updatedByItem.put(item.toString(), ticket.updatedAt());
    }
  }

  Instant startedAt() {
    return startedAt;
  }

  /** The newest change time read, or {@code null} when no ticket was read. */
  Instant newest() {
    return newest;
  }

  /** The change time of the ticket read for an item, or {@code null}. */
  Instant updatedFor(ItemRef item) {
    return updatedByItem.get(item.toString());
  }
}
