package dev.followthrough.core.internal;

import dev.followthrough.core.FollowthroughException;
import dev.followthrough.core.model.ActionItem;
import dev.followthrough.core.model.ChangeOrigin;
import dev.followthrough.core.model.HistoryEntry;
import dev.followthrough.core.model.ItemStatus;
import dev.followthrough.core.model.Postmortem;
import dev.followthrough.core.model.Verification;
import dev.followthrough.core.policy.DueDatePolicy;
import dev.followthrough.core.policy.VerificationPolicy;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Records whether a done item's fix worked. An ineffective fix reopens the item, so that the next
 * sync reopens its ticket, or adds a follow-up item beside it, as the policy says.
 */
public final class VerificationRecording {
  private VerificationRecording() {}

  /** The postmortem with the outcome recorded in the item and its history. */
  public static Postmortem record(Postmortem postmortem, String itemId, Verification.State outcome, String evidence,
      String by, Instant at, VerificationPolicy policy, DueDatePolicy dueDates) {
    if (outcome == Verification.State.PENDING) {
      throw new FollowthroughException("a verification records EFFECTIVE or INEFFECTIVE, not PENDING");
    }
    ActionItem item = postmortem.item(itemId).orElseThrow(() -> new FollowthroughException(
        "no action item " + postmortem.id() + "/" + itemId + "; 'followthrough list' shows the items"));
    LocalDate today = at.atZone(ZoneOffset.UTC).toLocalDate();
    ActionItem settled = policy.settle(item, today, postmortem.severity());
    if (settled.verification() == null || !settled.verification().isPending()) {
      throw new FollowthroughException(postmortem.id() + "/" + itemId + " is " + item.status()
          + (item.verification() == null ? "" : " (verification " + item.verification().state() + ")")
          + ": only a done item awaiting verification can be verified");
    }
    String actor = by == null || by.isBlank() ? "followthrough" : by.strip();
    ActionItem verified = settled.withVerification(settled.verification().recorded(outcome, evidence, at, actor))
        .recording(new HistoryEntry(at, ChangeOrigin.LOCAL, "verification", Verification.State.PENDING.name(),
            outcome.name(), actor));
    if (outcome == Verification.State.EFFECTIVE) {
      return postmortem.withItem(verified);
    }
    if (policy.onIneffective() == VerificationPolicy.OnIneffective.REOPEN) {
      return postmortem.withItem(verified.withStatus(ItemStatus.OPEN).recording(
          new HistoryEntry(at, ChangeOrigin.LOCAL, "status", ItemStatus.DONE.name(), ItemStatus.OPEN.name(), actor)));
    }
    List<ActionItem> items = new ArrayList<>(postmortem.withItem(verified).actionItems());
    items.add(followUp(postmortem, verified, today, dueDates, at, actor));
    return postmortem.withActionItems(items);
  }

  private static ActionItem followUp(Postmortem postmortem, ActionItem item, LocalDate today, DueDatePolicy dueDates,
      Instant at, String actor) {
    String id = item.id() + "-follow-up";
    for (int n = 2; postmortem.item(id).isPresent(); n++) {
      id = item.id() + "-follow-up-" + n;
    }
    ActionItem fresh = ActionItem.open(id, "Follow up: " + item.title())
        .withDescription("The fix of " + item.id() + " was found ineffective"
            + (item.verification().evidence() == null ? "." : ": " + item.verification().evidence()))
        .withOwner(item.owner()).withPriority(item.priority()).withType(item.type()).withMeasureId(item.measureId())
        .withVerificationCriterion(item.verificationCriterion());
    fresh = fresh.withDueDate(dueDates.days().plus(today, dueDates.dueDaysFor(postmortem.severity(),
        fresh.priority() == null ? dueDates.defaultPriority() : fresh.priority())));
    return fresh.recording(new HistoryEntry(at, ChangeOrigin.LOCAL, "created", null, "follow-up of " + item.id(), actor));
  }
}
