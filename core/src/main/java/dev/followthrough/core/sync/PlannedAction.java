package dev.followthrough.core.sync;

import dev.followthrough.core.tracker.TicketDraft;
import dev.followthrough.core.tracker.TicketField;
import dev.followthrough.core.tracker.TicketSnapshot;
import dev.followthrough.core.tracker.TicketState;
import java.util.Map;
import java.util.Set;

/** One change a sync will make; {@link #describe()} is what {@code plan} prints. */
public sealed interface PlannedAction {
  ItemRef item();

  String describe();

  /** Create a ticket (after storing the intent). */
  record Create(ItemRef item, TicketDraft draft) implements PlannedAction {
    @Override
    public String describe() {
      return "create   " + item + ": \"" + draft.title() + "\"" + (draft.state().isClosed() ? " (closed as " + draft.state() + ")" : "");
    }
  }

  /** A ticket carrying the item's key exists already (from a crashed or timed-out run): link it. */
  record Adopt(ItemRef item, TicketSnapshot ticket) implements PlannedAction {
    @Override
    public String describe() {
      return "adopt    " + item + ": existing ticket " + ticket.key() + " carries its key";
    }
  }

  /**
   * A create was requested moments ago and its ticket may not be searchable yet: look again after
   * the tracker's search lag before creating.
   */
  record Recover(ItemRef item, TicketDraft draft) implements PlannedAction {
    @Override
    public String describe() {
      return "recover  " + item + ": look for the ticket of an unfinished create, create it only if absent";
    }
  }

  /** Push fields the store owns (or that the store changed) to the ticket. */
  record Push(ItemRef item, String ticketKey, TicketDraft draft, Set<TicketField> fields, Map<TicketField, String> from)
      implements PlannedAction {
    @Override
    public String describe() {
      StringBuilder s = new StringBuilder("update   " + item + " " + ticketKey + ":");
      for (TicketField f : fields) {
        s.append(' ').append(f.key()).append(" '").append(short_(from.get(f))).append("' -> '")
            .append(short_(TicketValues.ofDraft(draft, f))).append('\'');
      }
      return s.toString();
    }
  }

  /** Move the ticket to another state (close as done or won't do, reopen). */
  record Transition(ItemRef item, String ticketKey, TicketState from, TicketState to) implements PlannedAction {
    @Override
    public String describe() {
      return "move     " + item + " " + ticketKey + ": " + from + " -> " + to;
    }
  }

  /** Take values the tracker owns (or changed) into the store. */
  record Pull(ItemRef item, TicketSnapshot ticket, Map<TicketField, String> values, Map<TicketField, String> previous)
      implements PlannedAction {
    public String ticketKey() {
      return ticket.key();
    }

    @Override
    public String describe() {
      StringBuilder s = new StringBuilder("pull     " + item + " " + ticket.key() + ":");
      values.forEach((f, v) -> s.append(' ').append(f.key()).append(" '").append(short_(previous.get(f)))
          .append("' -> '").append(short_(v)).append('\''));
      return s.toString();
    }
  }

  /** Both sides changed a field since the last sync; {@code winner} says which value is kept. */
  record Conflict(ItemRef item, String ticketKey, TicketField field, String storeValue, String trackerValue, String winner)
      implements PlannedAction {
    @Override
    public String describe() {
      return "conflict " + item + " " + ticketKey + ": " + field.key() + " is '" + short_(storeValue) + "' here and '"
          + short_(trackerValue) + "' in the tracker; " + winner + " wins";
    }
  }

  /** The linked ticket is gone from the tracker: reported, never recreated silently. */
  record Missing(ItemRef item, String ticketKey) implements PlannedAction {
    @Override
    public String describe() {
      return "missing  " + item + ": ticket " + ticketKey + " no longer exists in the tracker";
    }
  }

  private static String short_(String value) {
    if (value == null) {
      return "";
    }
    String one = value.replace('\n', ' ');
    return one.length() > 40 ? one.substring(0, 39) + "…" : one;
  }
}
