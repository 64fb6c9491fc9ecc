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

  /** The ticket the item should have, as the plan computed it; {@code null} when none is needed. */
  TicketDraft draft();

  String describe();

  /** Create a ticket (after storing the intent). */
  record Create(ItemRef item, TicketDraft draft) implements PlannedAction {
    @Override
    public String describe() {
      return "create   " + item + ": \"" + draft.title() + "\"" + (draft.state().isClosed() ? " (closed as " + draft.state() + ")" : "");
    }
  }

  /**
   * A ticket carrying the item's key (current or former) exists already, from a crashed or
   * timed-out run or an older version: link it, and finish it from the draft.
   */
  record Adopt(ItemRef item, TicketSnapshot ticket, TicketDraft draft) implements PlannedAction {
    @Override
    public String describe() {
      return "adopt    " + item + ": existing ticket " + ticket.key() + " carries its key";
    }
  }

  /**
   * A create's outcome became unknown moments ago and its ticket may not be searchable yet: look
   * again once the tracker's recovery window has passed, and create only if it is still absent.
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
  record Transition(ItemRef item, String ticketKey, TicketState from, TicketState to, TicketDraft draft)
      implements PlannedAction {
    @Override
    public String describe() {
      return "move     " + item + " " + ticketKey + ": " + from + " -> " + to;
    }
  }

  /** Take values the tracker owns (or changed) into the store. */
  record Pull(ItemRef item, TicketSnapshot ticket, Map<TicketField, String> values, Map<TicketField, String> previous,
      TicketDraft draft) implements PlannedAction {
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
  record Conflict(ItemRef item, String ticketKey, TicketField field, String storeValue, String trackerValue, String winner,
      TicketDraft draft) implements PlannedAction {
    @Override
    public String describe() {
      return "conflict " + item + " " + ticketKey + ": " + field.key() + " is '" + short_(storeValue) + "' here and '"
          + short_(trackerValue) + "' in the tracker; " + winner + " wins";
    }
  }

  /**
   * A ticket the document cites, never seen by a sync, that the tracker does not have: a reference,
   * not a ticket this tool made, so it is not reported as deleted. The citation is recorded in the
   * item's history (so a re-import does not link it again) and the item gets a ticket of its own.
   */
  record ReferenceNotFound(ItemRef item, String ticketKey, String elsewhere) implements PlannedAction {
    /** A cited ticket the tracker does not have. */
    ReferenceNotFound(ItemRef item, String ticketKey) {
      this(item, ticketKey, null);
    }

    @Override
    public TicketDraft draft() {
      return null;
    }

    /** What was found, for the plan and for the run's progress lines. */
    public String finding() {
      return elsewhere == null ? "referenced ticket " + ticketKey + " not found"
          : "referenced ticket " + elsewhere + " belongs to another project";
    }

    @Override
    public String describe() {
      return "missing  " + item + ": " + finding() + "; the item gets a ticket of its own";
    }
  }

  /**
   * The tracker answered that the linked ticket is gone: the link is marked deleted, and nothing is
   * recreated until a person unlinks the item or closes it.
   */
  record MarkDeleted(ItemRef item, String ticketKey) implements PlannedAction {
    @Override
    public TicketDraft draft() {
      return null;
    }

    @Override
    public String describe() {
      return "deleted  " + item + ": ticket " + ticketKey + " was deleted in the tracker; " + DeletedTicket.advice(item);
    }
  }

  /**
   * The linked ticket now lives under another key (moved to another project, transferred to another
   * repository): the tracker answered the old key with it. The new key is stored, with a history
   * entry; the ticket is never taken for deleted.
   */
  record Moved(ItemRef item, String fromKey, TicketSnapshot ticket) implements PlannedAction {
    @Override
    public TicketDraft draft() {
      return null;
    }

    @Override
    public String describe() {
      return "moved    " + item + ": ticket " + fromKey + " is now " + ticket.key() + "; the new key is stored";
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
