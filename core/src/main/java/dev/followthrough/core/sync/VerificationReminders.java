package dev.followthrough.core.sync;

import dev.followthrough.core.model.ActionItem;
import dev.followthrough.core.model.ChangeOrigin;
import dev.followthrough.core.model.HistoryEntry;
import dev.followthrough.core.model.Postmortem;
import dev.followthrough.core.model.TicketLink;
import dev.followthrough.core.model.Verification;
import dev.followthrough.core.store.ActionStore;
import dev.followthrough.core.store.RunLockLostException;
import dev.followthrough.core.store.StoredPostmortem;
import dev.followthrough.core.tracker.Tracker;
import dev.followthrough.core.tracker.TrackerException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * When a done item's verification falls due, asks on its closed ticket whether the fix worked,
 * quoting the criterion. Once per verification, also across crashes and reruns: the request is
 * recorded in the item's history before the comment is posted, as reminders are. A comment the
 * tracker refused is recorded as failed and asked again by the next sync.
 */
final class VerificationReminders {
  static final String FIELD = "verificationReminder";
  static final String SENT = "sent";
  static final String FAILED = "failed";

  private final ActionStore store;
  private final Tracker tracker;
  private final Clock clock;
  private final RunLockWatch lock;

  VerificationReminders(ActionStore store, Tracker tracker, Clock clock, RunLockWatch lock) {
    this.store = store;
    this.tracker = tracker;
    this.clock = clock;
    this.lock = lock;
  }

  SyncResult post(SyncResult result) {
    Instant now = clock.instant();
    LocalDate today = LocalDate.ofInstant(now, clock.getZone());
    List<ItemRef> posted = new ArrayList<>();
    List<SyncResult.Failure> failed = new ArrayList<>();
    for (StoredPostmortem stored : store.findAll()) {
      Postmortem p = stored.postmortem();
      for (ActionItem item : p.actionItems()) {
        TicketLink link = item.ticketIn(tracker.type()).filter(t -> t.state() == TicketLink.State.LINKED).orElse(null);
        if (link == null || !due(item, today)) {
          continue;
        }
        ItemRef ref = new ItemRef(p.id(), item.id(), item.title());
        try {
          lock.require();
        } catch (RunLockLostException e) {
          failed.add(new SyncResult.Failure(ref, "verification request on " + link.key() + ": " + e.getMessage()));
          continue;
        }
        // The intent first: after this write, no rerun asks again for this verification.
        record(p.id(), item.id(), link.key(), SENT, now);
        try {
          tracker.comment(link.key(), text(p, item));
          posted.add(ref);
        } catch (TrackerException e) {
          if (!e.mayHaveTakenEffect()) {
            record(p.id(), item.id(), link.key(), FAILED, now);
          }
          failed.add(new SyncResult.Failure(ref, "verification request on " + link.key() + ": " + e.getMessage()));
        }
      }
    }
    return result.withVerificationReminders(posted, failed);
  }

  /** Pending, due by today, and not asked yet for this verification (its due date). */
  static boolean due(ActionItem item, LocalDate today) {
    Verification v = item.verification();
    if (v == null || !v.isPending() || v.dueDate().isAfter(today)) {
      return false;
    }
    String last = null;
    for (HistoryEntry h : item.history()) {
      if (h.field().equals(FIELD) && v.dueDate().toString().equals(h.from())) {
        last = h.to();
      }
    }
    return last == null || FAILED.equals(last);
  }

  private void record(String postmortemId, String itemId, String ticketKey, String outcome, Instant now) {
    store.modify(postmortemId, p -> p.item(itemId).map(i -> p.withItem(i.recording(new HistoryEntry(now,
        ChangeOrigin.LOCAL, FIELD, i.verification().dueDate().toString(), outcome, "followthrough on " + ticketKey))))
        .orElse(p));
  }

  static String text(Postmortem p, ActionItem item) {
    Verification v = item.verification();
    return "Verification due from Followthrough: this action item from the postmortem \"" + p.title()
        + "\" was done, and its fix should now be shown to work (due " + v.dueDate() + ").\n\n"
        + (v.criterion() == null ? "No criterion was written; please state what shows the fix works."
            : "Criterion: " + v.criterion())
        + "\n\nRecord the outcome with: followthrough verify " + p.id() + "/" + item.id()
        + " --effective|--ineffective --evidence <link or text>";
  }
}
