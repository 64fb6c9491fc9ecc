package dev.followthrough.core.store;

import dev.followthrough.core.model.ActionItem;
import dev.followthrough.core.model.ItemStatus;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * Which action items {@link ActionStore#findItems} returns; a null or empty criterion matches
 * every item. Build it from {@link #all()} with the {@code with...} methods.
 *
 * @param owner the owner's handle or e-mail, compared ignoring case and a leading {@code @}
 * @param statuses any of these statuses
 * @param postmortemId only the items of this postmortem
 * @param dueBefore a due date strictly before this day (items without one never match)
 * @param dueAfter a due date strictly after this day (items without one never match)
 */
public record ItemQuery(String owner, Set<ItemStatus> statuses, String postmortemId, LocalDate dueBefore,
    LocalDate dueAfter) {

  public ItemQuery {
    owner = owner == null || owner.isBlank() ? null : normalOwner(owner);
    statuses = statuses == null || statuses.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(statuses));
  }

  /** Every item. */
  public static ItemQuery all() {
    return new ItemQuery(null, null, null, null, null);
  }

  public ItemQuery withOwner(String newOwner) {
    return new ItemQuery(newOwner, statuses, postmortemId, dueBefore, dueAfter);
  }

  public ItemQuery withStatuses(Set<ItemStatus> newStatuses) {
    return new ItemQuery(owner, newStatuses, postmortemId, dueBefore, dueAfter);
  }

  public ItemQuery withPostmortemId(String newPostmortemId) {
    return new ItemQuery(owner, statuses, newPostmortemId, dueBefore, dueAfter);
  }

  public ItemQuery withDueBefore(LocalDate day) {
    return new ItemQuery(owner, statuses, postmortemId, day, dueAfter);
  }

  public ItemQuery withDueAfter(LocalDate day) {
    return new ItemQuery(owner, statuses, postmortemId, dueBefore, day);
  }

  /** The owner as compared: lower case in the root locale, without a leading {@code @}. */
  public static String normalOwner(String owner) {
    String handle = owner.startsWith("@") ? owner.substring(1) : owner;
    return handle.toLowerCase(Locale.ROOT);
  }

  /** The definition every store's answer must agree with. */
  public boolean matches(String itemPostmortemId, ActionItem item) {
    if (postmortemId != null && !postmortemId.equals(itemPostmortemId)) {
      return false;
    }
    if (!statuses.isEmpty() && !statuses.contains(item.status())) {
      return false;
    }
    if (owner != null && (item.owner() == null || !normalOwner(item.owner()).equals(owner))) {
      return false;
    }
    if (dueBefore != null && (item.dueDate() == null || !item.dueDate().isBefore(dueBefore))) {
      return false;
    }
    return dueAfter == null || (item.dueDate() != null && item.dueDate().isAfter(dueAfter));
  }
}
