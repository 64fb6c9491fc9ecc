package dev.followthrough.core.sync;

import dev.followthrough.core.model.ActionItem;
import dev.followthrough.core.model.ChangeOrigin;
import dev.followthrough.core.model.HistoryEntry;
import dev.followthrough.core.model.ItemStatus;
import dev.followthrough.core.model.Priority;
import dev.followthrough.core.sync.PlannedAction.Pull;
import dev.followthrough.core.tracker.TicketDraft;
import dev.followthrough.core.tracker.TicketField;
import dev.followthrough.core.tracker.TicketState;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * Takes values the tracker owns (or changed) into an item, each change in its history. A field the
 * store changed since the plan read it (an import during the sync) keeps the store's value: the
 * next sync sees a local change and pushes it, instead of the pull silently overwriting it.
 */
final class PulledValues {
  private PulledValues() {}

  /** @param current the ticket the item asks for now, to tell whether a field changed since the plan */
  static ActionItem apply(ActionItem item, Pull pull, Instant now, TicketDraft current) {
    ActionItem changed = item;
    for (var e : pull.values().entrySet()) {
      TicketField f = e.getKey();
      String value = e.getValue();
      if (!FieldDiff.equal(f, TicketValues.ofDraft(current, f), pull.previous().get(f))) {
        continue;
      }
      String before;
      switch (f) {
        case STATE -> {
          ItemStatus status = TicketState.valueOf(value).toItemStatus();
          before = changed.status().name();
          changed = changed.withStatus(status);
          value = status.name();
        }
        case ASSIGNEE -> {
          before = changed.owner();
          changed = changed.withOwner(value);
        }
        case TITLE -> {
          before = changed.title();
          changed = changed.withTitle(value);
        }
        case DUE_DATE -> {
          before = Objects.toString(changed.dueDate(), null);
          changed = changed.withDueDate(value == null ? null : LocalDate.parse(value));
        }
        case PRIORITY -> {
          before = Objects.toString(changed.priority(), null);
          changed = changed.withPriority(value == null ? null : Priority.valueOf(value));
        }
        default -> {
          continue;
        }
      }
      if (!Objects.equals(before, value)) {
        changed = changed.recording(new HistoryEntry(now, ChangeOrigin.TRACKER, f.key(), before, value, null));
      }
    }
    return changed;
  }
}
