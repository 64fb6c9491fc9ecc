package dev.followthrough.core.sync;

import dev.followthrough.core.model.ActionItem;
import dev.followthrough.core.model.Postmortem;
import dev.followthrough.core.store.ActionStore;
import dev.followthrough.core.store.StaleVersionException;
import dev.followthrough.core.store.StoredPostmortem;
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
  private static final int ATTEMPTS = 10;

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
    for (int attempt = 1; ; attempt++) {
      StoredPostmortem stored = store.find(postmortemId).orElse(null);
      if (stored == null) {
        return;
      }
      Postmortem p = stored.postmortem();
      List<ActionItem> items = new ArrayList<>();
      for (ActionItem item : p.actionItems()) {
        ActionItem changed = item;
        for (var change : changes.getOrDefault(item.id(), List.of())) {
          changed = change.apply(p, changed);
        }
        items.add(changed);
      }
      Postmortem updated = p.withActionItems(items);
      if (updated.equals(p)) {
        return;
      }
      try {
        store.update(updated, stored.version());
        return;
      } catch (StaleVersionException e) {
        if (attempt == ATTEMPTS) {
          throw e;
        }
      }
    }
  }
}
