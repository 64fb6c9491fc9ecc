package dev.followthrough.core.policy;

import dev.followthrough.core.ValidationException;
import dev.followthrough.core.model.ActionItem;
import dev.followthrough.core.model.HistoryEntry;
import dev.followthrough.core.model.ItemStatus;
import dev.followthrough.core.model.Postmortem;
import dev.followthrough.core.model.Priority;
import dev.followthrough.core.model.Verification;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * When a done item's fix must be shown to work, and what an ineffective fix does.
 *
 * @param verifyDays days after an item is done by which its verification is due, per priority
 * @param onIneffective {@code REOPEN} the item (and so its ticket), or open a {@code FOLLOW_UP}
 *     item beside it
 */
public record VerificationPolicy(Map<Priority, Integer> verifyDays, OnIneffective onIneffective) {

  public enum OnIneffective {
    REOPEN,
    FOLLOW_UP
  }

  public VerificationPolicy {
    List<String> problems = new ArrayList<>();
    for (Priority p : Priority.values()) {
      Integer days = verifyDays == null ? null : verifyDays.get(p);
      if (days == null || days < 0) {
        problems.add("verifyDays." + p + ": must be a number of days, 0 or more");
      }
    }
    if (onIneffective == null) {
      problems.add("ineffective: must be given");
    }
    if (!problems.isEmpty()) {
      throw new ValidationException("policy", problems);
    }
    verifyDays = Map.copyOf(new EnumMap<>(verifyDays));
  }

  /** P1 and P2 30 days, P3 60, P4 90; an ineffective fix reopens its item. */
  public static VerificationPolicy standard() {
    return new VerificationPolicy(Map.of(Priority.P1, 30, Priority.P2, 30, Priority.P3, 60, Priority.P4, 90),
        OnIneffective.REOPEN);
  }

  public VerificationPolicy withVerifyDays(Priority priority, int days) {
    Map<Priority, Integer> changed = new EnumMap<>(verifyDays);
    changed.put(priority, days);
    return new VerificationPolicy(changed, onIneffective);
  }

  public VerificationPolicy withOnIneffective(OnIneffective rule) {
    return new VerificationPolicy(verifyDays, rule);
  }

  /** {@link #settle(ActionItem, LocalDate)} for every item of a postmortem. */
  public Postmortem settle(Postmortem postmortem, LocalDate today) {
    return postmortem.withActionItems(postmortem.actionItems().stream().map(i -> settle(i, today)).toList());
  }

  /**
   * A done item without a verification, or whose last one found the fix ineffective, now awaits
   * one, due {@code verifyDays} after the day it was done (from its history, else {@code today});
   * an item that is no longer done loses a verification still pending. Recorded outcomes stay.
   */
  public ActionItem settle(ActionItem item, LocalDate today) {
    Verification v = item.verification();
    if (item.status() == ItemStatus.DONE) {
      if (v == null || v.state() == Verification.State.INEFFECTIVE && closedAgainSinceVerdict(item)) {
        Priority priority = item.priority() == null ? Priority.P3 : item.priority();
        return item.withVerification(Verification.pending(doneOn(item, today).plusDays(verifyDays.get(priority)),
            item.verificationCriterion()));
      }
      return item;
    }
    return v != null && v.isPending() ? item.withVerification(null) : item;
  }

  /**
   * An ineffective fix whose item stayed done (a follow-up item was opened instead) keeps its
   * verdict; only an item reopened and then done again awaits a new verification.
   */
  private static boolean closedAgainSinceVerdict(ActionItem item) {
    List<HistoryEntry> history = item.history();
    int verdict = -1;
    for (int i = 0; i < history.size(); i++) {
      if ("verification".equals(history.get(i).field())) {
        verdict = i;
      }
    }
    if (verdict < 0) {
      return true;
    }
    for (int i = verdict + 1; i < history.size(); i++) {
      if ("status".equals(history.get(i).field()) && ItemStatus.DONE.name().equals(history.get(i).to())) {
        return true;
      }
    }
    return false;
  }

  private static LocalDate doneOn(ActionItem item, LocalDate today) {
    LocalDate done = null;
    for (HistoryEntry h : item.history()) {
      if ("status".equals(h.field()) && ItemStatus.DONE.name().equals(h.to())) {
        done = h.at().atZone(ZoneOffset.UTC).toLocalDate();
      }
    }
    return done != null ? done : today;
  }
}
