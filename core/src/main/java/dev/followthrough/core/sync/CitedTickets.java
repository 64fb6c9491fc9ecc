package dev.followthrough.core.sync;

import dev.followthrough.core.model.ActionItem;
import dev.followthrough.core.model.ChangeOrigin;
import dev.followthrough.core.model.HistoryEntry;
import dev.followthrough.core.model.TicketLink;
import java.time.Instant;

/**
 * Tickets a document cites ({@code OPS-412}, {@code #123}) are references, not links this tool
 * made: one the tracker does not have is checked once, recorded once and never reported as a
 * deleted ticket.
 */
final class CitedTickets {
  private CitedTickets() {}

  /**
   * Whether the link is a ticket the document cites that no sync has seen yet: never synced, and
   * neither created, adopted nor followed by this tool (each of those records the key in the
   * item's history).
   */
  static boolean unconfirmed(ActionItem item, TicketLink link) {
    return link.state() == TicketLink.State.LINKED && link.syncedAt() == null && item.history().stream()
        .noneMatch(h -> "ticket".equals(h.field()) && link.key().equals(h.to()));
  }

  /**
   * The item without the cited ticket, which its history names as not found (so a re-import does
   * not link it again). The create planned with it may already have replaced the citation by a
   * pending create, which stays.
   */
  static ActionItem notFound(ActionItem item, String trackerType, String key, Instant at) {
    TicketLink link = item.ticketIn(trackerType).orElse(null);
    ActionItem without = link != null && key.equals(link.key()) && !link.isPending()
        ? item.withTickets(item.tickets().stream().filter(t -> t != link).toList()) : item;
    return without.recording(new HistoryEntry(at, ChangeOrigin.TRACKER, "ticket", key, null, "referenced ticket not found"));
  }
}
