package dev.followthrough.core.internal;

import dev.followthrough.core.FollowthroughException;
import dev.followthrough.core.model.ActionItem;
import dev.followthrough.core.model.ChangeOrigin;
import dev.followthrough.core.model.HistoryEntry;
import dev.followthrough.core.model.TicketLink;
import dev.followthrough.core.store.ActionStore;
import java.time.Instant;
import java.util.List;

/** Changes a person makes to one stored item through the facade. */
public final class ItemEdits {
  private ItemEdits() {}

  /** Forgets an item's ticket links for one tracker, or all with {@code null}; see the facade. */
  public static List<TicketLink> unlink(ActionStore store, Instant now, String postmortemId, String itemId,
      String trackerType) {
    ActionItem item = store.find(postmortemId).flatMap(s -> s.postmortem().item(itemId)).orElseThrow(
        () -> new FollowthroughException("no action item " + postmortemId + "/" + itemId + " in " + store.describe()
            + "; 'followthrough list' shows the items"));
    List<TicketLink> removed = item.tickets().stream()
        .filter(t -> trackerType == null || t.tracker().equals(trackerType)).toList();
    if (removed.stream().anyMatch(TicketLink::isPending)) {
      throw new FollowthroughException(postmortemId + "/" + itemId + " has a create in progress whose outcome is not known"
          + " yet; run 'followthrough sync', which finds its ticket or settles that it was never made");
    }
    store.modify(postmortemId, p -> p.withItem(p.item(itemId).map(i -> {
      ActionItem changed = i.withTickets(i.tickets().stream().filter(t -> !removed.contains(t)).toList());
      for (TicketLink t : removed) {
        changed = changed.recording(new HistoryEntry(now, ChangeOrigin.LOCAL, "ticket", t.key(), null, "unlinked"));
      }
      return changed;
    }).orElseThrow()));
    return removed;
  }
}
