package dev.followthrough.core.testing;

import dev.followthrough.core.model.ActionItem;
import dev.followthrough.core.store.ActionStore;
import java.util.function.UnaryOperator;

/** Edits made to stored items in tests, as an import or a person would make them. */
public final class StoreEdits {
  private StoreEdits() {}

  public static void edit(ActionStore store, String postmortemId, String itemId, UnaryOperator<ActionItem> change) {
    store.modify(postmortemId, p -> p.withItem(change.apply(p.item(itemId).orElseThrow())));
  }
}
