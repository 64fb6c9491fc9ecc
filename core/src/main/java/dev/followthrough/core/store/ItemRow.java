package dev.followthrough.core.store;

import dev.followthrough.core.model.ActionItem;
import java.util.Objects;

/** One action item as {@link ActionStore#findItems} returns it, with the postmortem that holds it. */
public record ItemRow(String postmortemId, ActionItem item) {
  public ItemRow {
    Objects.requireNonNull(postmortemId, "postmortemId");
    Objects.requireNonNull(item, "item");
  }
}
