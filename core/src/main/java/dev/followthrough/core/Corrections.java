package dev.followthrough.core;

import dev.followthrough.core.internal.Recurrences;
import dev.followthrough.core.internal.VerificationUndo;
import dev.followthrough.core.model.ActionItem;
import dev.followthrough.core.model.Postmortem;
import dev.followthrough.core.model.Recurrence;
import dev.followthrough.core.model.Verification;
import java.util.Objects;

/**
 * Corrections of what a person recorded: a verification taken back, a repeat confirmed or
 * dismissed for any pair of stored incidents. Each is written to the store with who and when, and
 * survives re-importing the documents. Thread-safe as the store is.
 */
public final class Corrections {
  private final Followthrough followthrough;

  private Corrections(Followthrough followthrough) {
    this.followthrough = Objects.requireNonNull(followthrough, "followthrough");
  }

  /** Corrections through the facade's store and clock. */
  public static Corrections of(Followthrough followthrough) {
    return new Corrections(followthrough);
  }

  /**
   * What an undo did.
   *
   * @param item the item as stored afterwards: awaiting verification when done, else without one
   * @param undone the verdict taken back
   * @param doneAgain whether an ineffective verdict's reopen was taken back with it: the item is
   *     done again and the next sync closes its ticket
   */
  public record UndoneVerification(ActionItem item, Verification.State undone, boolean doneAgain) {}

  /**
   * Removes the recorded verification of a done item's fix; its history keeps the verdict and the
   * undo. See {@link VerificationUndo} for what it does to the item's status.
   *
   * @throws FollowthroughException when no such item is stored or it has no recorded verification
   */
  public UndoneVerification undoVerification(String postmortemId, String itemId, String by) {
    var now = followthrough.clock().instant();
    VerificationUndo.Outcome[] outcome = new VerificationUndo.Outcome[1];
    var saved = followthrough.store().modify(postmortemId, p -> {
      outcome[0] = VerificationUndo.undo(p, itemId, by, now);
      return outcome[0].postmortem();
    }).orElseThrow(() -> new FollowthroughException("no postmortem " + postmortemId + " in "
        + followthrough.store().describe() + "; 'followthrough list' shows the items"));
    return new UndoneVerification(saved.postmortem().item(itemId).orElseThrow(), outcome[0].undone(), outcome[0].doneAgain());
  }

  /**
   * Confirms or dismisses that an incident repeats an earlier one, recorded with {@code by} and the
   * time; also a pair the detector did not find.
   *
   * @throws FollowthroughException when either postmortem is not stored, or they are the same
   */
  public Postmortem settleRecurrence(String postmortemId, String earlierId, Recurrence.Status status, String by) {
    return Recurrences.settle(followthrough.store(), postmortemId, earlierId, status, by, followthrough.clock().instant());
  }
}
