package dev.followthrough.core.sync;

import dev.followthrough.core.config.ConflictRule;
import dev.followthrough.core.model.TicketLink;
import dev.followthrough.core.tracker.Capabilities;
import dev.followthrough.core.tracker.TicketDraft;
import dev.followthrough.core.tracker.TicketField;
import dev.followthrough.core.tracker.TicketSnapshot;
import dev.followthrough.core.tracker.TicketState;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Three-way comparison of an item, its ticket and the values both had at the last sync. A field
 * changed on one side flows to the other; a field changed on both is a conflict for the rule to
 * settle; a field that differs with no record of the last sync goes the way its owner says.
 */
final class FieldDiff {
  /** Remote values are remembered under this prefix, local ones under the bare field key. */
  static final String REMOTE = "remote.";
  /** The tracker's own last-change time of the ticket as last seen, to recognise an older copy. */
  static final String SEEN_UPDATED = REMOTE + "updatedAt";

  private FieldDiff() {}

  static List<PlannedAction> diff(ItemRef ref, TicketDraft draft, TicketLink link, TicketSnapshot ticket,
      ConflictRule rule, Capabilities capabilities) {
    return diff(ref, draft, link, ticket, rule, false, capabilities);
  }

  /**
   * The changes that finish an adopted ticket: it was made from the item's draft, so the store
   * wins every field, except an assignee the tracker could not map.
   */
  static List<PlannedAction> finishAdopted(ItemRef ref, TicketDraft draft, TicketLink link, TicketSnapshot ticket,
      Capabilities capabilities) {
    return diff(ref, draft, link, ticket, ConflictRule.STORE, true, capabilities);
  }

  private static List<PlannedAction> diff(ItemRef ref, TicketDraft draft, TicketLink link, TicketSnapshot ticket,
      ConflictRule rule, boolean adopting, Capabilities capabilities) {
    boolean baseline = link.syncedAt() != null;
    Set<TicketField> push = EnumSet.noneOf(TicketField.class);
    Map<TicketField, String> pushedFrom = new EnumMap<>(TicketField.class);
    Map<TicketField, String> pull = new LinkedHashMap<>();
    Map<TicketField, String> pullPrevious = new LinkedHashMap<>();
    List<PlannedAction> actions = new ArrayList<>();
    TicketState transitionTo = null;
    if (!draft.idempotencyKey().equals(ticket.idempotencyKey())) {
      // A ticket found by a former key (or linked by hand) moves to the current one: its key
      // label, and the hidden marker some trackers keep in the description.
      push.add(TicketField.LABELS);
      push.add(TicketField.DESCRIPTION);
    }
    for (TicketField f : TicketField.values()) {
      String local = TicketValues.ofDraft(draft, f);
      String remote = TicketValues.ofTicket(ticket, f);
      if (f == TicketField.SOURCE_LINK) {
        // Trackers do not read it back: push it when it is not what was last pushed.
        if (capabilities.sourceLinks() && local != null && !local.equals(link.syncedFields().get(f.key()))) {
          push.add(f);
        }
        continue;
      }
      if (equal(f, local, remote) || (adopting && f == TicketField.ASSIGNEE)) {
        continue;
      }
      boolean localChanged = !baseline || !equal(f, local, link.syncedFields().get(f.key()));
      boolean remoteChanged = baseline && !equal(f, remote, link.syncedFields().get(REMOTE + f.key()));
      if (baseline && !localChanged && !remoteChanged) {
        // A difference both sides already had at the last sync (an owner the tracker cannot
        // assign, say) is not a change: acting on it would undo one side every run.
        continue;
      }
      boolean storeWins;
      if (localChanged && remoteChanged) {
        storeWins = rule == ConflictRule.STORE || (rule == ConflictRule.FIELD_OWNER && f.isPushed());
        actions.add(new PlannedAction.Conflict(ref, ticket.key(), f, local, remote, storeWins ? "the store" : "the tracker", draft));
      } else if (localChanged && baseline) {
        storeWins = true;
      } else {
        // Only the tracker changed it, or there is no baseline: the field's owner decides.
        storeWins = adopting || f.isPushed();
      }
      // Labels and descriptions are not kept in the store's terms, so they always flow out.
      if (!storeWins && (f == TicketField.LABELS || f == TicketField.DESCRIPTION)) {
        storeWins = true;
      }
      if (storeWins) {
        if (f == TicketField.STATE) {
          transitionTo = draft.state();
        } else {
          push.add(f);
          pushedFrom.put(f, remote);
        }
      } else {
        pull.put(f, remote);
        pullPrevious.put(f, local);
      }
    }
    if (!push.isEmpty()) {
      actions.add(new PlannedAction.Push(ref, ticket.key(), draft, push, pushedFrom));
    }
    if (transitionTo != null) {
      actions.add(new PlannedAction.Transition(ref, ticket.key(), ticket.state(), transitionTo, draft));
    }
    if (!pull.isEmpty()) {
      actions.add(new PlannedAction.Pull(ref, ticket, pull, pullPrevious, draft));
    }
    return actions;
  }

  /**
   * The baseline after creating a ticket: where the ticket did not take a value (a failed
   * transition, say), the store's side is remembered as the ticket's, so the next sync pushes it.
   * Assignees are left as they are: an owner the tracker cannot map is no pending change.
   */
  static Map<String, String> syncedAfterCreate(TicketDraft draft, TicketSnapshot ticket) {
    Map<String, String> values = synced(draft, ticket);
    for (TicketField f : TicketField.values()) {
      if (f != TicketField.ASSIGNEE && !equal(f, TicketValues.ofDraft(draft, f), TicketValues.ofTicket(ticket, f))) {
        // Where the new ticket lacks the store's value (a closed state, the source link), the
        // ticket's side becomes the baseline, so the follow-up step is planned like any change.
        values.put(f.key(), TicketValues.ofTicket(ticket, f));
      }
    }
    return values;
  }

  /** The values to remember after a sync: what each side holds now. */
  static Map<String, String> synced(TicketDraft draft, TicketSnapshot ticket) {
    Map<String, String> values = new LinkedHashMap<>();
    for (TicketField f : TicketField.values()) {
      values.put(f.key(), TicketValues.ofDraft(draft, f));
      values.put(REMOTE + f.key(), TicketValues.ofTicket(ticket, f));
    }
    if (ticket.updatedAt() != null) {
      values.put(SEEN_UPDATED, ticket.updatedAt().toString());
    }
    return values;
  }

  /**
   * Whether a ticket as read now is older than the copy the last sync saw: a lagging search index
   * (some miss any write of the last seconds) can answer with the ticket as it was before this
   * tool's own last change. Such a copy says nothing new, and acting on it would undo that change.
   */
  static boolean olderThanLastSeen(TicketLink link, TicketSnapshot ticket) {
    String seen = link.syncedFields().get(SEEN_UPDATED);
    return seen != null && ticket.updatedAt() != null && ticket.updatedAt().isBefore(java.time.Instant.parse(seen));
  }

  /** Whether the first copy of a ticket is from a later change than the second. */
  static boolean newer(TicketSnapshot a, TicketSnapshot b) {
    return a.updatedAt() != null && (b.updatedAt() == null || a.updatedAt().isAfter(b.updatedAt()));
  }

  /**
   * Whether the item holds a value it did not hold at the last sync, so that its ticket must be
   * read although the tracker reported no change: a field to push, a status to send, a source link.
   * An item never synced counts as changed.
   */
  static boolean changedSinceLastSync(TicketDraft draft, TicketLink link, Capabilities capabilities) {
    if (link.syncedAt() == null) {
      return true;
    }
    for (TicketField f : TicketField.values()) {
      String local = TicketValues.ofDraft(draft, f);
      String synced = link.syncedFields().get(f.key());
      boolean differs = f == TicketField.SOURCE_LINK
          ? capabilities.sourceLinks() && local != null && !local.equals(synced)
          : !equal(f, local, synced);
      if (differs) {
        return true;
      }
    }
    return false;
  }

  static boolean equal(TicketField f, String a, String b) {
    return switch (f) {
      case LABELS -> TicketValues.labelsCovered(a, b);
      case DESCRIPTION -> normalize(a).equals(normalize(b));
      // BLOCKED items have IN_PROGRESS tickets: no ticket state of their own.
      default -> TicketValues.same(a, b);
    };
  }

  private static String normalize(String text) {
    return text == null ? "" : text.replaceAll("\\s+", " ").strip();
  }
}
