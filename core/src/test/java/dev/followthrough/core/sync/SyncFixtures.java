package dev.followthrough.core.sync;

import dev.followthrough.core.model.ActionItem;
import dev.followthrough.core.model.ItemStatus;
import dev.followthrough.core.model.Postmortem;
import dev.followthrough.core.model.Priority;
import dev.followthrough.core.model.TicketLink;
import dev.followthrough.core.store.ActionStore;
import dev.followthrough.core.tracker.TicketSnapshot;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Stores of postmortems for sync tests. */
final class SyncFixtures {
  private SyncFixtures() {}

  /** {@code postmortems} postmortems of {@code items} open items each (the first item of each is done). */
  static void fill(ActionStore store, int postmortems, int items) {
    for (int p = 0; p < postmortems; p++) {
      List<ActionItem> list = new ArrayList<>();
      for (int i = 0; i < items; i++) {
        list.add(ActionItem.open("item-" + i, "Item " + i + " of incident " + p)
            .withOwner(i % 3 == 0 ? null : "owner" + (i % 5))
            .withPriority(Priority.values()[i % 4])
            .withDueDate(LocalDate.of(2025, 6, 1).plusDays(i))
            .withStatus(i == 0 ? ItemStatus.DONE : ItemStatus.OPEN));
      }
      store.insert(new Postmortem("pm-" + p, "Incident " + p, "SEV2", null, null, null, list, null, null));
    }
  }

  static List<ActionItem> items(ActionStore store) {
    return store.findAll().stream().flatMap(s -> s.postmortem().actionItems().stream()).toList();
  }

  static TicketLink link(ActionItem item, String tracker) {
    return item.tickets().stream().filter(t -> t.tracker().equals(tracker)).findFirst().orElse(null);
  }

  static ActionItem item(ActionStore store, String postmortem, String item) {
    return store.find(postmortem).orElseThrow().postmortem().item(item).orElseThrow();
  }

  static void editItem(ActionStore store, String postmortem, java.util.function.UnaryOperator<ActionItem> change, String itemId) {
    var stored = store.find(postmortem).orElseThrow();
    var item = stored.postmortem().item(itemId).orElseThrow();
    store.update(stored.postmortem().withItem(change.apply(item)), stored.version());
  }

  static long ticketsCarrying(List<TicketSnapshot> tickets, String key) {
    return tickets.stream().filter(t -> key.equals(t.idempotencyKey())).count();
  }
}
