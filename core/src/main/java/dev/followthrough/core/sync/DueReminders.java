package dev.followthrough.core.sync;

import dev.followthrough.core.model.ActionItem;
import dev.followthrough.core.model.ChangeOrigin;
import dev.followthrough.core.model.HistoryEntry;
import dev.followthrough.core.model.Postmortem;
import dev.followthrough.core.model.TicketLink;
import dev.followthrough.core.notify.NotifyResult;
import dev.followthrough.core.store.ActionStore;
import dev.followthrough.core.store.RunLockLostException;
import dev.followthrough.core.store.StoredPostmortem;
import dev.followthrough.core.tracker.Tracker;
import dev.followthrough.core.tracker.TrackerException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Before an open item falls due, comments on its ticket once per configured reminder
 * ({@code beforeDue: [7d, 1d]}), and tells the chat webhook. Once, also across crashes and reruns,
 * as verification requests are: the reminder is recorded in the item's history before the comment
 * is posted, so a crash or a lost answer (a 502 after the tracker applied it) costs at most that
 * one reminder and never repeats it; a comment the tracker refused is recorded as failed and
 * asked again by the next sync. A new due date starts the reminders anew.
 */
final class DueReminders {
  static final String FIELD = "dueReminder";
  static final String SENT = "sent";
  static final String FAILED = "failed";

  private final ActionStore store;
  private final Tracker tracker;
  private final Clock clock;
  private final BeforeDue settings;

  DueReminders(ActionStore store, Tracker tracker, Clock clock, BeforeDue settings) {
    this.store = store;
    this.tracker = tracker;
    this.clock = clock;
    this.settings = settings;
  }

  /** The reminders a sync would post now; reads the store only. */
  List<DueReminder> planned() {
    LocalDate today = LocalDate.ofInstant(clock.instant(), clock.getZone());
    List<DueReminder> due = new ArrayList<>();
    for (StoredPostmortem stored : store.findAll()) {
      Postmortem p = stored.postmortem();
      for (ActionItem item : p.actionItems()) {
        reminder(p, item, today).ifPresent(due::add);
      }
    }
    return due;
  }

  SyncResult post(SyncResult result, RunLockWatch lock) {
    Instant now = clock.instant();
    List<DueReminder> posted = new ArrayList<>();
    List<SyncResult.Failure> failed = new ArrayList<>();
    for (DueReminder r : planned()) {
      try {
        lock.require();
      } catch (RunLockLostException e) {
        failed.add(new SyncResult.Failure(r.item(), "reminder on " + r.ticketKey() + ": " + e.getMessage()));
        continue;
      }
      // The intent first: after this write, no rerun posts this reminder again.
      if (!claim(r, now)) {
        continue;
      }
      Postmortem p = store.find(r.item().postmortemId()).orElseThrow().postmortem();
      try {
        tracker.comment(r.ticketKey(), text(p, p.item(r.item().itemId()).orElseThrow(), r));
        posted.add(r);
      } catch (TrackerException e) {
        if (!e.mayHaveTakenEffect()) {
          record(r, FAILED, now);
        } else {
          posted.add(r); // it may be on the ticket: the chat says so too, once
        }
        failed.add(new SyncResult.Failure(r.item(), "reminder on " + r.ticketKey() + ": " + e.getMessage()));
      }
    }
    if (!posted.isEmpty() && settings.chat() != null) {
      NotifyResult chat = settings.chat().post(chatText(posted));
      chat.failures().forEach(f -> failed.add(new SyncResult.Failure(posted.get(0).item(), "reminder in chat: " + f)));
    }
    return result.withDueReminders(posted.stream().map(DueReminder::item).toList(), failed);
  }

  /**
   * The reminder an item is owed today: open, linked, not yet past its due date, and within the
   * smallest configured window that holds today (with {@code [7d, 1d]}: the 7-day one from 7 to
   * 2 days before, the 1-day one from 1 day before to the due day itself), unless that one was
   * already recorded as sent for this due date.
   */
  java.util.Optional<DueReminder> reminder(Postmortem p, ActionItem item, LocalDate today) {
    if (item.status().isClosed() || item.dueDate() == null || item.missingFromSource()) {
      return java.util.Optional.empty();
    }
    TicketLink link = item.ticketIn(tracker.type()).filter(t -> t.state() == TicketLink.State.LINKED).orElse(null);
    long left = ChronoUnit.DAYS.between(today, item.dueDate());
    if (link == null || left < 0) {
      return java.util.Optional.empty();
    }
    Integer nearest = settings.daysBefore().stream().filter(d -> d >= left).findFirst().orElse(null);
    if (nearest == null || alreadySent(item, key(item.dueDate(), nearest))) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(new DueReminder(new ItemRef(p.id(), item.id(), item.title()), link.key(),
        item.dueDate(), nearest, left));
  }

  static String key(LocalDate due, int daysBefore) {
    return due + "/" + daysBefore + "d";
  }

  /** Whether the last record of this reminder says it was sent (or may have been). */
  static boolean alreadySent(ActionItem item, String key) {
    String last = null;
    for (HistoryEntry h : item.history()) {
      if (h.field().equals(FIELD) && key.equals(h.from())) {
        last = h.to();
      }
    }
    return last != null && !FAILED.equals(last);
  }

  /** Records the reminder as sent, checked again on the item as stored; false when it already was. */
  private boolean claim(DueReminder r, Instant now) {
    AtomicBoolean claimed = new AtomicBoolean();
    String key = key(r.dueDate(), r.daysBefore());
    store.modify(r.item().postmortemId(), p -> {
      claimed.set(false); // the change may be applied again on a newer version
      return p.item(r.item().itemId()).filter(i -> r.dueDate().equals(i.dueDate()) && !alreadySent(i, key)).map(i -> {
        claimed.set(true);
        return p.withItem(i.recording(new HistoryEntry(now, ChangeOrigin.LOCAL, FIELD, key, SENT,
            "followthrough on " + r.ticketKey())));
      }).orElse(p);
    });
    return claimed.get();
  }

  private void record(DueReminder r, String outcome, Instant now) {
    String key = key(r.dueDate(), r.daysBefore());
    store.modify(r.item().postmortemId(), p -> p.item(r.item().itemId()).map(i -> p.withItem(i.recording(
        new HistoryEntry(now, ChangeOrigin.LOCAL, FIELD, key, outcome, "followthrough on " + r.ticketKey()))))
        .orElse(p));
  }

  static String text(Postmortem p, ActionItem item, DueReminder r) {
    String owner = item.owner() == null ? "nobody yet" : item.owner();
    return "Reminder from Followthrough: this action item from the postmortem \"" + p.title() + "\" is due on "
        + r.dueDate() + " (" + when(r.daysLeft()) + "). Owner: " + owner + ".\n\n"
        + "Please finish it in time, or update its status, owner or due date.";
  }

  private static String when(long daysLeft) {
    return daysLeft == 0 ? "today" : daysLeft == 1 ? "tomorrow" : "in " + daysLeft + " days";
  }

  private static String chatText(List<DueReminder> posted) {
    StringBuilder out = new StringBuilder("*Action items falling due* (Followthrough)\n");
    for (DueReminder r : posted) {
      out.append("- ").append(r.item().title()).append(" (").append(r.ticketKey()).append("): due ")
          .append(r.dueDate()).append(", ").append(when(r.daysLeft())).append('\n');
    }
    return out.toString();
  }
}
