package dev.followthrough.core.notify;

import dev.followthrough.core.model.ActionItem;
import dev.followthrough.core.model.ChangeOrigin;
import dev.followthrough.core.model.HistoryEntry;
import dev.followthrough.core.model.Postmortem;
import dev.followthrough.core.model.TicketLink;
import dev.followthrough.core.report.OverdueReport;
import dev.followthrough.core.store.ActionStore;
import dev.followthrough.core.tracker.Tracker;
import dev.followthrough.core.tracker.TrackerException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Comments on the ticket of each overdue item, at most once per item per period.
 *
 * <p>At most once, also across crashes and reruns: the reminder is recorded in the item's history
 * before the comment is posted. A crash between the two can cost one reminder, never duplicate
 * one; a comment the tracker refused is recorded as failed, so the next run tries again.
 */
public final class TicketReminders implements Notifier {
  static final String FIELD = "reminder";
  static final String SENT = "sent";
  static final String FAILED = "failed";

  private final ActionStore store;
  private final Tracker tracker;
  private final Clock clock;
  private final Duration every;

  public TicketReminders(ActionStore store, Tracker tracker, Clock clock, Duration every) {
    this.store = store;
    this.tracker = tracker;
    this.clock = clock;
    this.every = every;
  }

  @Override
  public String name() {
    return "ticket reminders on " + tracker.type();
  }

  @Override
  public NotifyResult send(OverdueReport report) {
    Instant now = clock.instant();
    Map<String, List<Due>> byPostmortem = new LinkedHashMap<>();
    int skipped = 0;
    for (OverdueReport.Entry e : report.overdue()) {
      Optional<TicketLink> link = e.item().ticketIn(tracker.type()).filter(t -> t.state() == TicketLink.State.LINKED);
      if (link.isEmpty() || remindedWithin(e.item(), now)) {
        skipped++;
        continue;
      }
      byPostmortem.computeIfAbsent(e.postmortem().id(), k -> new ArrayList<>())
          .add(new Due(e.postmortem(), e.item(), link.get().key(), e.daysOverdue()));
    }
    int sent = 0;
    List<String> failures = new ArrayList<>();
    for (var entry : byPostmortem.entrySet()) {
      // The intent first: after this write, no rerun reminds these items again within the period.
      // Checked again inside the write, on the items as stored: another run (report takes no run
      // lock) may have recorded them since this report was built.
      List<Due> due = claim(entry.getKey(), entry.getValue(), now);
      skipped += entry.getValue().size() - due.size();
      List<Due> refused = new ArrayList<>();
      for (Due d : due) {
        try {
          tracker.comment(d.ticketKey(), text(d));
          sent++;
        } catch (TrackerException ex) {
          // A post whose answer was lost may have been made: it stays recorded as sent, so that no
          // rerun posts the same reminder twice (at worst this one reminder is missing).
          if (!ex.mayHaveTakenEffect()) {
            refused.add(d);
          }
          failures.add(d.postmortem().id() + "/" + d.item().id() + " (" + d.ticketKey() + "): " + ex.getMessage());
        }
      }
      if (!refused.isEmpty()) {
        record(entry.getKey(), refused, FAILED, now);
      }
    }
    return new NotifyResult(name(), sent, skipped, failures);
  }

  private boolean remindedWithin(ActionItem item, Instant now) {
    HistoryEntry last = null;
    for (HistoryEntry h : item.history()) {
      if (h.field().equals(FIELD)) {
        last = h;
      }
    }
    return last != null && SENT.equals(last.to()) && last.at().plus(every).isAfter(now);
  }

  /** Records the reminders as sent for the items not reminded within the period as stored now; returns those. */
  private List<Due> claim(String postmortemId, List<Due> items, Instant now) {
    Map<String, Due> byItem = new LinkedHashMap<>();
    items.forEach(d -> byItem.put(d.item().id(), d));
    java.util.Set<String> claimed = new java.util.HashSet<>();
    store.modify(postmortemId, p -> {
      claimed.clear(); // the change may be applied again on a newer version
      return p.withActionItems(p.actionItems().stream().map(i -> {
        Due d = byItem.get(i.id());
        if (d == null || remindedWithin(i, now)) {
          return i;
        }
        claimed.add(i.id());
        return i.recording(new HistoryEntry(now, ChangeOrigin.LOCAL, FIELD, d.ticketKey(), SENT, "followthrough"));
      }).toList());
    });
    return items.stream().filter(d -> claimed.contains(d.item().id())).toList();
  }

  private void record(String postmortemId, List<Due> items, String outcome, Instant now) {
    Map<String, UnaryOperator<ActionItem>> changes = new LinkedHashMap<>();
    for (Due d : items) {
      changes.put(d.item().id(), i -> i.recording(new HistoryEntry(now, ChangeOrigin.LOCAL, FIELD, d.ticketKey(), outcome,
          "followthrough")));
    }
    store.modify(postmortemId, p -> p.withActionItems(p.actionItems().stream()
        .map(i -> changes.containsKey(i.id()) ? changes.get(i.id()).apply(i) : i).toList()));
  }

  static String text(Due d) {
    String owner = d.item().owner() == null ? "nobody yet" : d.item().owner();
    return "Reminder from Followthrough: this action item from the postmortem \"" + d.postmortem().title()
        + "\" was due on " + d.item().dueDate() + " and is " + d.daysOverdue() + (d.daysOverdue() == 1 ? " day" : " days")
        + " overdue. Owner: " + owner + ".\n\nPlease finish it, or update its status, owner or due date.";
  }

  record Due(Postmortem postmortem, ActionItem item, String ticketKey, Long daysOverdue) {}
}
