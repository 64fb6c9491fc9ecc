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
   * not link it again). The same citation read by other tracker modules goes too, so no list or
   * report shows a ticket that does not exist; links a sync has seen stay, and so does a pending
   * create that may already have replaced the citation.
   */
  static ActionItem notFound(ActionItem item, String key, Instant at) {
    ActionItem without = item.withTickets(item.tickets().stream()
        .filter(t -> !(key.equals(t.key()) && t.state() == TicketLink.State.LINKED && t.syncedAt() == null))
        .toList());
    return without.recording(new HistoryEntry(at, ChangeOrigin.TRACKER, "ticket", key, null, "referenced ticket not found"));
  }
}
