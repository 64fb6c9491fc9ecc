package dev.followthrough.core.internal;

import dev.followthrough.core.FollowthroughException;
import dev.followthrough.core.model.ActionItem;
import dev.followthrough.core.model.ChangeOrigin;
import dev.followthrough.core.model.HistoryEntry;
import dev.followthrough.core.model.ItemStatus;
import dev.followthrough.core.model.Postmortem;
import dev.followthrough.core.model.Verification;
import java.time.Instant;
import java.util.List;

/**
 * Takes back a recorded verification: the item awaits one again, and its history keeps the verdict
 * and the undo, each with who and when. An ineffective verdict that reopened the item is undone
 * with it: the item is done again (so the next sync closes the ticket it reopened), unless the item
 * changed status since the verdict, in which case its status stays. A follow-up item the verdict
 * added stays as it is: it may already have a ticket and work on it.
 */
public final class VerificationUndo {
  private VerificationUndo() {}

  /** The item's state after an undo, and what was undone. */
  public record Outcome(Postmortem postmortem, Verification.State undone, boolean doneAgain) {}

  public static Outcome undo(Postmortem postmortem, String itemId, String by, Instant at) {
    ActionItem item = postmortem.item(itemId).orElseThrow(() -> new FollowthroughException(
        "no action item " + postmortem.id() + "/" + itemId + "; 'followthrough list' shows the items"));
    Verification v = item.verification();
    if (v == null || v.isPending()) {
      throw new FollowthroughException(postmortem.id() + "/" + itemId + " has no recorded verification to undo");
    }
    String actor = by == null || by.isBlank() ? "followthrough" : by.strip();
    ActionItem undone = item.recording(new HistoryEntry(at, ChangeOrigin.LOCAL, "verification", v.state().name(),
        Verification.State.PENDING.name(), actor));
    boolean doneAgain = v.state() == Verification.State.INEFFECTIVE && reopenedByTheVerdict(item);
    if (doneAgain) {
      undone = undone.withStatus(ItemStatus.DONE).recording(new HistoryEntry(at, ChangeOrigin.LOCAL, "status",
          item.status().name(), ItemStatus.DONE.name(), actor));
    }
    // Only a done item awaits a verification; one that is open again has none until it is done.
    undone = undone.withVerification(undone.status() == ItemStatus.DONE
        ? Verification.pending(v.dueDate(), v.criterion()) : null);
    return new Outcome(postmortem.withItem(undone), v.state(), doneAgain);
  }

  /** Whether the item is open as the verdict left it: its last status change is the verdict's reopen. */
  private static boolean reopenedByTheVerdict(ActionItem item) {
    if (item.status() != ItemStatus.OPEN) {
      return false;
    }
    List<HistoryEntry> history = item.history();
    int verdict = -1;
    for (int i = 0; i < history.size(); i++) {
      if ("verification".equals(history.get(i).field())) {
        verdict = i;
      }
    }
    long statusChanges = history.subList(verdict + 1, history.size()).stream().filter(h -> "status".equals(h.field())).count();
    return verdict >= 0 && statusChanges == 1 && verdict + 1 < history.size()
        && "status".equals(history.get(verdict + 1).field()) && ItemStatus.OPEN.name().equals(history.get(verdict + 1).to());
  }
}
