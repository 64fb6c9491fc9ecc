package dev.followthrough.core.internal;

import dev.followthrough.core.config.ConflictRule;
import dev.followthrough.core.model.ActionItem;
import dev.followthrough.core.model.ChangeOrigin;
import dev.followthrough.core.model.HistoryEntry;
import dev.followthrough.core.model.TicketLink;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Merges one re-imported item into its stored self, field by field, in three ways: what the
 * document said at the last import (read back from the item's history), what it says now, and what
 * the store holds. A field the document did not change keeps the stored value, which may have been
 * recorded later (a verification, a status pulled from the tracker); a field only the document
 * changed takes the document's value; a field changed on both sides is a conflict, recorded in the
 * history and settled by the conflict rule.
 */
final class ItemMerge {
  /** History field prefix of a conflict between the document and a value recorded after it. */
  static final String CONFLICT = "conflict:";

  private final Instant now;
  private final ConflictRule rule;

  ItemMerge(Instant now, ConflictRule rule) {
    this.now = now;
    this.rule = rule == null ? ConflictRule.FIELD_OWNER : rule;
  }

  /**
   * The document owns title, description, type and measure; owner, due date, priority and the
   * verification criterion when it states them; and the status it gives (a ticked box, a status
   * column). Its quality findings are derived from the document alone: they are replaced, never
   * merged, and never a conflict. Tickets and history stay as the store has them.
   *
   * @param stated the item before the policy filled it, to tell stated values from filled ones
   */
  ActionItem merge(ActionItem previous, ActionItem fresh, ActionItem stated) {
    ActionItem merged = previous.withType(fresh.type()).withMeasureId(fresh.measureId()).withMissingFromSource(false)
        .withLine(fresh.line()).withQuality(fresh.quality());
    if (previous.missingFromSource()) {
      merged = merged.recording(new HistoryEntry(now, ChangeOrigin.DOCUMENT, "missingFromSource", "true", "false", null));
    }
    merged = field(merged, "title", fresh.title(), true, ActionItem::title, ActionItem::withTitle);
    merged = field(merged, "description", fresh.description(), true, ActionItem::description,
        ActionItem::withDescription);
    boolean ownerStated = stated != null && stated.owner() != null;
    merged = field(merged, "owner", fresh.owner(), ownerStated || previous.owner() == null, ActionItem::owner,
        ActionItem::withOwner);
    boolean dueStated = stated != null && stated.dueDate() != null;
    merged = field(merged, "dueDate", fresh.dueDate(), dueStated || previous.dueDate() == null, ActionItem::dueDate,
        ActionItem::withDueDate);
    boolean priorityStated = stated != null && stated.priority() != null;
    merged = field(merged, "priority", fresh.priority(), priorityStated || previous.priority() == null,
        ActionItem::priority, ActionItem::withPriority);
    merged = field(merged, "status", fresh.status(), true, ActionItem::status, ActionItem::withStatus);
    // A criterion written in the document counts; one added later in the store survives a document without one.
    merged = field(merged, "verificationCriterion", fresh.verificationCriterion(), fresh.verificationCriterion() != null,
        ActionItem::verificationCriterion, ActionItem::withVerificationCriterion);
    return withReferencedTickets(merged, fresh);
  }

  /**
   * A ticket the document cites is linked only while the item has none, and never again once the
   * item's history shows it was unlinked, found missing or replaced.
   */
  private static ActionItem withReferencedTickets(ActionItem merged, ActionItem fresh) {
    if (!merged.tickets().isEmpty() || fresh.tickets().isEmpty()) {
      return merged;
    }
    List<TicketLink> cited = fresh.tickets().stream().filter(t -> merged.history().stream()
        .noneMatch(h -> "ticket".equals(h.field()) && Objects.equals(h.from(), t.key()))).toList();
    return cited.isEmpty() ? merged : merged.withTickets(cited);
  }

  private <T> ActionItem field(ActionItem item, String name, T incoming, boolean stated, Function<ActionItem, T> get,
      BiFunction<ActionItem, T, ActionItem> set) {
    if (!stated) {
      return item;
    }
    String stored = text(get.apply(item));
    String says = text(incoming);
    String said = lastStated(item, name, stored);
    if (Objects.equals(says, said)) {
      // Unchanged in the document: what was recorded since (a verification, a pulled status) stands.
      return item;
    }
    if (Objects.equals(says, stored)) {
      // The document caught up with the store: nothing changes, but the document's word is remembered.
      return change(item, name, said, says);
    }
    if (Objects.equals(stored, said)) {
      return change(set.apply(item, incoming), name, stored, says);
    }
    boolean documentWins = rule != ConflictRule.TRACKER;
    ActionItem recorded = item.recording(new HistoryEntry(now, ChangeOrigin.DOCUMENT, CONFLICT + name, stored, says,
        documentWins ? "document won" : "recorded value won"));
    return documentWins ? change(set.apply(recorded, incoming), name, stored, says) : recorded;
  }

  /**
   * What the document said of a field at its last import: the latest change (or conflict) an
   * import recorded; else the value the item had before anything else changed it; else its value.
   */
  static String lastStated(ActionItem item, String field, String current) {
    List<HistoryEntry> history = item.history();
    for (int i = history.size() - 1; i >= 0; i--) {
      HistoryEntry h = history.get(i);
      if (h.origin() == ChangeOrigin.DOCUMENT && (field.equals(h.field()) || (CONFLICT + field).equals(h.field()))) {
        return h.to();
      }
    }
    for (HistoryEntry h : history) {
      if (field.equals(h.field())) {
        return h.from();
      }
    }
    return current;
  }

  private ActionItem change(ActionItem item, String field, String from, String to) {
    return item.recording(new HistoryEntry(now, ChangeOrigin.DOCUMENT, field, from, to, null));
  }

  private static String text(Object value) {
    return value == null ? null : value.toString();
  }
}
