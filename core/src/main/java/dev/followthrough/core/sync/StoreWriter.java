package dev.followthrough.core.sync;

import dev.followthrough.core.model.ActionItem;
import dev.followthrough.core.model.Postmortem;
import dev.followthrough.core.store.ActionStore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;

/**
 * Collects item changes and writes them once per postmortem. Each change is a function of the
 * item, so that when another writer (an import) changed the postmortem meanwhile, the changes are
 * applied again on top of the new version instead of overwriting it.
 */
final class StoreWriter {
  private final ActionStore store;
  private final Map<String, Map<String, List<BiFunction<Postmortem, ActionItem, ActionItem>>>> pending =
      new LinkedHashMap<>();

  StoreWriter(ActionStore store) {
    this.store = store;
  }

  void change(ItemRef ref, UnaryOperator<ActionItem> change) {
    change(ref, (p, item) -> change.apply(item));
  }

  /** A change that needs the item's postmortem, such as recomputing its ticket draft. */
  void change(ItemRef ref, BiFunction<Postmortem, ActionItem, ActionItem> change) {
    pending.computeIfAbsent(ref.postmortemId(), k -> new LinkedHashMap<>())
        .computeIfAbsent(ref.itemId(), k -> new ArrayList<>()).add(change);
  }

  /** Writes every collected change; one store write per postmortem. */
  void flush() {
    for (var entry : pending.entrySet()) {
      write(entry.getKey(), entry.getValue());
    }
    pending.clear();
  }

  private void write(String postmortemId, Map<String, List<BiFunction<Postmortem, ActionItem, ActionItem>>> changes) {
    store.modify(postmortemId, p -> {
      List<ActionItem> items = new ArrayList<>();
      for (ActionItem item : p.actionItems()) {
        ActionItem changed = item;
        for (var change : changes.getOrDefault(item.id(), List.of())) {
          changed = change.apply(p, changed);
        }
        items.add(changed);
      }
      return p.withActionItems(items);
    });
  }
}
