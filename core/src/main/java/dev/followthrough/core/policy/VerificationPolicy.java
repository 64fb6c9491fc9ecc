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
 * @param severityVerifyDays for some severities ({@code SEV1}), days per priority that replace
 *     {@code verifyDays}; a priority a severity leaves out falls back to {@code verifyDays}
 * @param days how the days are counted; {@code null} counts calendar days
 */
public record VerificationPolicy(Map<Priority, Integer> verifyDays, OnIneffective onIneffective,
    Map<String, Map<Priority, Integer>> severityVerifyDays, WorkingDays days) {

  public enum OnIneffective {
    REOPEN,
    FOLLOW_UP
  }

  public VerificationPolicy {
    List<String> problems = new ArrayList<>();
    for (Priority p : Priority.values()) {
      Integer n = verifyDays == null ? null : verifyDays.get(p);
      if (n == null || n < 0) {
        problems.add("verifyDays." + p + ": must be a number of days, 0 or more");
      }
    }
    if (onIneffective == null) {
      problems.add("ineffective: must be given");
    }
    severityVerifyDays = SeverityTables.checked("verifyDays", severityVerifyDays, problems);
    if (!problems.isEmpty()) {
      throw new ValidationException("policy", problems);
    }
    verifyDays = Map.copyOf(new EnumMap<>(verifyDays));
    days = days == null ? WorkingDays.calendarDays() : days;
  }

  /** Calendar days, the same for every severity. */
  public VerificationPolicy(Map<Priority, Integer> verifyDays, OnIneffective onIneffective) {
    this(verifyDays, onIneffective, Map.of(), WorkingDays.calendarDays());
  }

  /** P1 and P2 30 days, P3 60, P4 90; an ineffective fix reopens its item. */
  public static VerificationPolicy standard() {
    return new VerificationPolicy(Map.of(Priority.P1, 30, Priority.P2, 30, Priority.P3, 60, Priority.P4, 90),
        OnIneffective.REOPEN);
  }

  public VerificationPolicy withVerifyDays(Priority priority, int days) {
    Map<Priority, Integer> changed = new EnumMap<>(verifyDays);
    changed.put(priority, days);
    return new VerificationPolicy(changed, onIneffective, severityVerifyDays, this.days);
  }

  /** This policy where done items of {@code severity} incidents ({@code SEV1}) and {@code priority} get {@code n} days. */
  public VerificationPolicy withVerifyDays(String severity, Priority priority, int n) {
    String key = Severity.key(severity).orElseThrow(() -> new ValidationException("policy",
        List.of("verifyDays." + severity + ": not a severity (SEV0 to SEV5)")));
    Map<String, Map<Priority, Integer>> changed = new java.util.HashMap<>(severityVerifyDays);
    Map<Priority, Integer> table = new EnumMap<>(Priority.class);
    table.putAll(changed.getOrDefault(key, Map.of()));
    table.put(priority, n);
    changed.put(key, table);
    return new VerificationPolicy(verifyDays, onIneffective, changed, days);
  }

  public VerificationPolicy withOnIneffective(OnIneffective rule) {
    return new VerificationPolicy(verifyDays, rule, severityVerifyDays, days);
  }

  /** This policy counting days as {@code counting} says, such as {@link WorkingDays#businessDays}. */
  public VerificationPolicy withDays(WorkingDays counting) {
    return new VerificationPolicy(verifyDays, onIneffective, severityVerifyDays, counting);
  }

  /** The days a done item of this priority gets in an incident of this severity ({@code null}: none given). */
  public int verifyDaysFor(String severity, Priority priority) {
    return SeverityTables.days(verifyDays, severityVerifyDays, severity, priority);
  }

  /** {@link #settle(ActionItem, LocalDate)} for every item of a postmortem. */
  public Postmortem settle(Postmortem postmortem, LocalDate today) {
    return postmortem.withActionItems(postmortem.actionItems().stream()
        .map(i -> settle(i, today, postmortem.severity())).toList());
  }

  /** {@link #settle(ActionItem, LocalDate, String)} with no severity: the plain {@code verifyDays}. */
  public ActionItem settle(ActionItem item, LocalDate today) {
    return settle(item, today, null);
  }

  /**
   * A done item without a verification, or whose last one found the fix ineffective, now awaits
   * one, due {@code verifyDays} (for the incident's {@code severity}) after the day it was done
   * (from its history, else {@code today}); an item that is no longer done loses a verification
   * still pending. Recorded outcomes stay.
   */
  public ActionItem settle(ActionItem item, LocalDate today, String severity) {
    Verification v = item.verification();
    if (item.status() == ItemStatus.DONE) {
      if (v == null || v.state() == Verification.State.INEFFECTIVE && closedAgainSinceVerdict(item)) {
        Priority priority = item.priority() == null ? Priority.P3 : item.priority();
        return item.withVerification(Verification.pending(days.plus(doneOn(item, today), verifyDaysFor(severity, priority)),
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
